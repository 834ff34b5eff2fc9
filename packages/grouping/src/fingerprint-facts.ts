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

/**
 * A class, not an object literal with a `get frames()`: V8 11 keeps such a literal in dictionary mode
 * with an accessor pair, and the getter's closure (a new one per event) held the event's frames and
 * parsed JSON past the next scavenge, so the ingest thread promoted ~0.5 MB per scavenge (docs/adr/0003).
 */
class EventFacts implements FingerprintFacts {
  private frameList: Record<string, unknown>[] | undefined = undefined;

  constructor(
    private readonly ifaces: EventInterfaces,
    readonly messages: Record<string, unknown>[],
    readonly exceptions: Record<string, unknown>[],
    readonly tags: Record<string, unknown>[],
    readonly single: Record<string, unknown>,
  ) {}

  /** Built only when a rule asks: the built-in rules never look at frames. */
  get frames(): Record<string, unknown>[] {
    this.frameList ??= frameFacts(this.ifaces);
    return this.frameList;
  }
}

export function fingerprintFacts(event: SentryEvent, ifaces: EventInterfaces): FingerprintFacts {
  const family = behaviorFamily(ifaces.platform);
  const log = readLogEntry(event);
  const message = log?.formatted ?? log?.message;
  const tags = readTags(event).map(([key, value]) => ({ key, value }));
  const transaction = asString(event.transaction);
  if (transaction && !tags.some((t) => t.key === 'transaction'))
    tags.push({ key: 'transaction', value: transaction });
  return new EventFacts(
    ifaces,
    message ? [{ message }] : [],
    (ifaces.exceptions ?? []).map((e) => ({ type: e.type, value: e.value })),
    tags,
    {
      family,
      sdk: asString(asRecord(event.sdk)?.name),
      release: asString(event.release),
      logger: asString(event.logger),
      level: asString(event.level),
    },
  );
}
