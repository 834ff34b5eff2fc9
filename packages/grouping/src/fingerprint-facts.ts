import type { SentryEvent } from '@fixloop/core';
import { asRecord, asString, readLogEntry, readTags } from './event-shape.ts';
import type { EventInterfaces } from './event-interfaces.ts';
import { behaviorFamily } from './frame-matchers.ts';
import type { StackFrame } from './stack-frame.ts';

/** The values server fingerprint rules match against, grouped like Sentry's `EventAccess`. */
export interface FingerprintFacts {
  messages: Record<string, unknown>[];
  exceptions: Record<string, unknown>[];
  frames: Record<string, unknown>[];
  tags: Record<string, unknown>[];
  single: Record<string, unknown>;
}

function frameFacts(ifaces: EventInterfaces): Record<string, unknown>[] {
  const allFrames: StackFrame[] = [];
  for (const exception of ifaces.exceptions ?? []) allFrames.push(...(exception.frames ?? []));
  for (const thread of ifaces.threads ?? []) allFrames.push(...(thread.frames ?? []));
  allFrames.push(...(ifaces.stacktrace ?? []));
  return allFrames.map((f) => ({
    path: f.absPath ?? f.filename,
    function: f.function ?? f.rawFunction,
    module: f.module,
    package: f.package,
    app: f.inApp === true,
    family: behaviorFamily(f.platform ?? ifaces.platform),
  }));
}

export function fingerprintFacts(event: SentryEvent, ifaces: EventInterfaces): FingerprintFacts {
  let frames: Record<string, unknown>[] | undefined;
  const family = behaviorFamily(ifaces.platform);
  const log = readLogEntry(event);
  const message = log?.formatted ?? log?.message;
  const tags = readTags(event).map(([key, value]) => ({ key, value }));
  const transaction = asString(event.transaction);
  if (transaction && !tags.some((t) => t.key === 'transaction'))
    tags.push({ key: 'transaction', value: transaction });
  return {
    messages: message ? [{ message }] : [],
    exceptions: (ifaces.exceptions ?? []).map((e) => ({ type: e.type, value: e.value })),
    // Built only when a rule asks: the built-in rules never look at frames.
    get frames() {
      frames ??= frameFacts(ifaces);
      return frames;
    },
    tags,
    single: {
      family,
      sdk: asString(asRecord(event.sdk)?.name),
      release: asString(event.release),
      logger: asString(event.logger),
      level: asString(event.level),
    },
  };
}
