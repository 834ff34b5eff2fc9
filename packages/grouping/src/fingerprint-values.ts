import type { SentryEvent } from '@fixloop/core';
import { asLenientString, asRecord, asString, readLogEntry, readTags, valuesOf } from './event-shape.ts';

const VARIABLE = /^\{\{\s*(\S+)\s*\}\}$/;

export function fingerprintVariable(value: string): string | null {
  const match = VARIABLE.exec(value);
  return match ? (match[1] as string).toLowerCase() : null;
}

export function isDefaultVariable(value: string): boolean {
  return fingerprintVariable(value) === 'default';
}

function lastException(event: SentryEvent): Record<string, unknown> | undefined {
  const values = valuesOf(event.exception ?? event['sentry.interfaces.Exception']);
  return asRecord(values[values.length - 1]);
}

/** Sentry's crash frame: the newest in-app frame of the main stack, else the newest frame. */
function crashFrame(event: SentryEvent): Record<string, unknown> | undefined {
  let frames = asRecord(lastException(event)?.stacktrace)?.frames ?? asRecord(event.stacktrace)?.frames;
  if (!Array.isArray(frames) || frames.length === 0) {
    const threads = valuesOf(event.threads);
    if (threads.length === 1) frames = asRecord(asRecord(threads[0])?.stacktrace)?.frames;
  }
  if (!Array.isArray(frames)) return undefined;
  let fallback: Record<string, unknown> | undefined;
  for (let i = frames.length - 1; i >= 0; i--) {
    const frame = asRecord(frames[i]);
    if (!frame) continue;
    if (frame.in_app === true) return frame;
    fallback ??= frame;
  }
  return fallback;
}

function frameField(event: SentryEvent, ...keys: string[]): string | undefined {
  const frame = crashFrame(event);
  for (const key of keys) {
    const value = asString(frame?.[key]);
    if (value) return value;
  }
  return undefined;
}

function resolveVariable(name: string, event: SentryEvent): string | undefined {
  switch (name) {
    case 'transaction':
      return asString(event.transaction) || '<no-transaction>';
    case 'message': {
      const log = readLogEntry(event);
      return log?.formatted || log?.message || asLenientString(lastException(event)?.value) || '<no-message>';
    }
    case 'type':
    case 'error.type':
      return asLenientString(lastException(event)?.type) || '<no-type>';
    case 'value':
    case 'error.value':
      return asLenientString(lastException(event)?.value) || '<no-value>';
    case 'function':
    case 'stack.function':
      return frameField(event, 'function') ?? '<no-function>';
    case 'path':
    case 'stack.abs_path':
      return frameField(event, 'abs_path', 'filename') ?? '<no-abs-path>';
    case 'stack.filename':
      return frameField(event, 'filename', 'abs_path') ?? '<no-filename>';
    case 'module':
    case 'stack.module':
      return frameField(event, 'module') ?? '<no-module>';
    case 'package':
    case 'stack.package': {
      const pkg = frameField(event, 'package');
      return pkg ? (pkg.split(/[/\\]/).pop() as string) : '<no-package>';
    }
    case 'level':
      return asLenientString(event.level) || '<no-level>';
    case 'logger':
      return asString(event.logger) || '<no-logger>';
  }
  if (name.startsWith('tags.')) {
    const key = name.slice(5);
    const tag = readTags(event).find(([k]) => k === key);
    return tag ? tag[1] : `<no-value-for-tag-${key}>`;
  }
  return undefined;
}

/** Replaces `{{ variable }}` entries (except `{{ default }}`) with event values, like Sentry. */
export function resolveFingerprint(values: readonly string[], event: SentryEvent): string[] {
  return values.map((value) => {
    const name = fingerprintVariable(value);
    if (name === null || name === 'default') return value;
    return resolveVariable(name, event) ?? value;
  });
}
