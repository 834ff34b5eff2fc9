import type { SentryEvent } from '@fixloop/core';
import {
  asLenientString,
  asRecord,
  asString,
  eventPlatform,
  readInterface,
  valuesOf,
} from './event-shape.ts';
import type { ExceptionData } from './exception-component.ts';
import type { EnhancementRule } from './enhancement-rules.ts';
import { readFrames, type StackFrame } from './stack-frame.ts';
import { prepareStackFrames } from './stack-analysis-cache.ts';
import type { ExceptionInfo } from './frame-matchers.ts';

export interface ThreadData {
  crashed: boolean;
  current: boolean;
  frames: StackFrame[] | null;
}

/** The grouping-relevant interfaces of one event, with stack-trace rules already applied to frames. */
export interface EventInterfaces {
  platform: string;
  exceptions: ExceptionData[] | null;
  threads: ThreadData[] | null;
  stacktrace: StackFrame[] | null;
}

function prepareFrames(
  frames: StackFrame[] | null,
  platform: string,
  rules: readonly EnhancementRule[],
  exc?: ExceptionInfo,
) {
  if (frames) prepareStackFrames(frames, platform, rules, exc);
  return frames;
}

function readException(
  raw: unknown,
  platform: string,
  rules: readonly EnhancementRule[],
): ExceptionData | undefined {
  const record = asRecord(raw);
  if (!record) return undefined;
  const mechanism = asRecord(record.mechanism);
  const nsError = asRecord(asRecord(mechanism?.meta)?.ns_error);
  const exception: ExceptionData = {
    synthetic: mechanism?.synthetic === true,
    isExceptionGroup: mechanism?.is_exception_group === true,
    frames: null,
  };
  const type = asLenientString(record.type);
  const value = asLenientString(record.value);
  if (type) exception.type = type;
  if (value !== undefined) exception.value = value;
  const mechanismType = asString(mechanism?.type);
  if (mechanismType) exception.mechanismType = mechanismType;
  if (typeof mechanism?.exception_id === 'number') exception.exceptionId = mechanism.exception_id;
  if (typeof mechanism?.parent_id === 'number') exception.parentId = mechanism.parent_id;
  if (nsError) exception.nsError = [String(nsError.domain ?? 'None'), String(nsError.code ?? 'None')];
  const info: ExceptionInfo = { type, value, mechanism: mechanismType };
  exception.frames = prepareFrames(readFrames(record.stacktrace), platform, rules, info);
  return exception;
}

export function readEventInterfaces(event: SentryEvent, rules: readonly EnhancementRule[]): EventInterfaces {
  const platform = eventPlatform(event);
  const rawExceptions = readInterface(event, 'exception', 'sentry.interfaces.Exception');
  let exceptions: ExceptionData[] | null = null;
  if (rawExceptions !== undefined && rawExceptions !== null) {
    exceptions = [];
    const record = asRecord(rawExceptions);
    // Relay also accepts one bare exception object instead of a list.
    const list = record && !('values' in record) ? [record] : valuesOf(rawExceptions);
    for (const raw of list) {
      const exception = readException(raw, platform, rules);
      if (exception) exceptions.push(exception);
    }
  }
  const rawThreads = readInterface(event, 'threads', 'sentry.interfaces.Threads');
  let threads: ThreadData[] | null = null;
  if (rawThreads !== undefined && rawThreads !== null) {
    threads = valuesOf(rawThreads).flatMap((raw) => {
      const record = asRecord(raw);
      if (!record) return [];
      const frames = prepareFrames(readFrames(record.stacktrace), platform, rules);
      return [{ crashed: record.crashed === true, current: record.current === true, frames }];
    });
  }
  const rawStacktrace = readInterface(event, 'stacktrace', 'sentry.interfaces.Stacktrace');
  const stacktrace = prepareFrames(readFrames(rawStacktrace), platform, rules);
  return {
    platform,
    exceptions: exceptions && exceptions.length > 0 ? exceptions : null,
    threads,
    stacktrace,
  };
}
