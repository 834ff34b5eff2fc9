import type { EventWrite, Storage } from '@fixloop/core';
import { parseJsonLenient } from '@fixloop/ingest';
import { EventSymbolicator } from '@fixloop/sourcemaps';
import { runEventTask } from './event-processor.ts';
import type { EventProcessor, EventTask } from './event-processor.ts';
import type { EventContext } from './event-write-builder.ts';
import { SeenReleaseRecorder } from './seen-release-recorder.ts';

export interface SymbolicationOptions {
  /** Longest an event's symbolication may hold its request; then it is stored as sent. */
  timeoutMs: number;
  /** How long "this project has no uploads" is believed. */
  noArtifactsTtlMs: number;
  log: (line: string) => void;
}

const DEFAULTS: SymbolicationOptions = { timeoutMs: 2_000, noArtifactsTtlMs: 2_000, log: () => undefined };
const JS_PLATFORMS = new Set(['javascript', 'node']);

/**
 * Wraps the event processor with source-map symbolication (ADR 0004). Events go through the normal
 * (possibly threaded) processor first. Only when the project has uploaded artifacts and a JS event
 * carries a debug id or release is its raw JSON symbolicated here, and only when frames were mapped
 * is it processed again on this thread, so grouping, title and culprit use the original frames.
 * Failures and timeouts keep the event as the SDK sent it: ingest never fails over source maps.
 */
export class SymbolicatingEventProcessor implements EventProcessor {
  private readonly symbolicator: EventSymbolicator;
  private readonly releases: SeenReleaseRecorder;
  private readonly noArtifactsUntil = new Map<number, number>();
  private readonly withArtifacts = new Set<number>();
  private readonly options: SymbolicationOptions;

  constructor(
    private readonly inner: EventProcessor,
    private readonly storage: Storage,
    options: Partial<SymbolicationOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.symbolicator = new EventSymbolicator(storage.artifacts);
    this.releases = new SeenReleaseRecorder(storage, this.options.log);
  }

  async process(tasks: EventTask[], context: EventContext): Promise<EventWrite[]> {
    const writes = await this.inner.process(tasks, context);
    await this.releases.record(writes, context.projectId, context.receivedAt);
    if (!writes.some((w) => JS_PLATFORMS.has(w.event.platform))) return writes;
    if (!(await this.hasArtifacts(context.projectId))) return writes;
    return Promise.all(writes.map((write, i) => this.symbolicated(write, tasks[i], context)));
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private async symbolicated(
    write: EventWrite,
    task: EventTask | undefined,
    context: EventContext,
  ): Promise<EventWrite> {
    if (task === undefined || !JS_PLATFORMS.has(write.event.platform)) return write;
    try {
      const raw = rawEvent(task.raw);
      if (raw === null || !EventSymbolicator.isCandidate(raw)) return write;
      const errorsBefore = errorCount(raw);
      const mapped = await withTimeout(
        this.symbolicator.symbolicate(raw, context.projectId),
        this.options.timeoutMs,
      );
      // Nothing mapped but a `js_no_source` error added (a debug id without upload): store that too.
      if (mapped === null || (mapped === 0 && errorCount(raw) === errorsBefore)) return write;
      return runEventTask({ ...task, raw }, context);
    } catch (error) {
      this.options.log(`symbolication of event ${write.event.eventId} failed: ${(error as Error).message}`);
      return write;
    }
  }

  private async hasArtifacts(projectId: number): Promise<boolean> {
    if (this.withArtifacts.has(projectId)) return true;
    const until = this.noArtifactsUntil.get(projectId);
    if (until !== undefined && until > Date.now()) return false;
    const has = await this.storage.artifacts.projectHasArtifacts(projectId);
    // Uploads are only ever added, so "yes" is final; "no" is re-checked soon, so a fresh upload counts.
    if (has) this.withArtifacts.add(projectId);
    else this.noArtifactsUntil.set(projectId, Date.now() + this.options.noArtifactsTtlMs);
    return has;
  }
}

/** The event as the SDK sent it, as a fresh object symbolication may change. */
function rawEvent(raw: unknown): Record<string, unknown> | null {
  const value =
    raw instanceof Uint8Array
      ? parseJsonLenient(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength))
      : structuredClone(raw);
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function errorCount(event: Record<string, unknown>): number {
  return Array.isArray(event['errors']) ? event['errors'].length : 0;
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
