import { AppError } from '@fixloop/core';
import type {
  AttachmentWrite,
  EventWriteResult,
  IngestBatch,
  IngestStore,
  OutcomeWrite,
  UserReportWrite,
} from '@fixloop/core';
import type { EventWrite } from '@fixloop/core';

/** What one request contributes to a batch; it is written atomically with the rest of its batch. */
export interface IngestUnit {
  events: EventWrite[];
  attachments: AttachmentWrite[];
  userReports: UserReportWrite[];
  outcomes: OutcomeWrite[];
}

export interface IngestBatcherOptions {
  /** Items (events + attachments + user reports) per storage transaction. */
  batchMax: number;
  /** Longest wait after the first queued item before a batch is written. */
  batchDelayMs: number;
  /** Above this many queued events, new units are refused (backpressure). */
  maxQueuedEvents: number;
  /** Called after every successful batch with its results (e.g. to wake the worker). */
  onFlushed?: (results: EventWriteResult[]) => void;
}

export interface IngestBatcherStats {
  queuedEvents: number;
  queuedItems: number;
  inFlightItems: number;
  oldestQueuedAgeMs: number;
  lastFlushMs: number;
  lastBatchItems: number;
  flushes: number;
  failedFlushes: number;
}

interface Entry {
  unit: IngestUnit;
  items: number;
  enqueuedAt: number;
  resolve: (results: EventWriteResult[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: requests queue their writes here and are answered only after the ONE transaction that
 * contains them has committed. At most one flush is in flight; the next batch forms meanwhile and is
 * written as soon as the previous one finishes, so throughput rises with load while a lone request
 * waits at most `batchDelayMs`.
 */
export class IngestBatcher {
  private pending: Entry[] = [];
  private queuedItems = 0;
  private queuedEvents = 0;
  private inFlightItems = 0;
  private flushing: Promise<void> | null = null;
  private timer: { cancel(): void } | null = null;
  private closed = false;
  private lastFlushMs = 0;
  private lastBatchItems = 0;
  private flushes = 0;
  private failedFlushes = 0;

  constructor(
    private readonly store: IngestStore,
    private readonly options: IngestBatcherOptions,
  ) {}

  /** Resolves with the results of the unit's events (in order) once they are durable. */
  submit(unit: IngestUnit): Promise<EventWriteResult[]> {
    if (this.closed) return Promise.reject(new AppError('unavailable', 'server is shutting down'));
    if (this.queuedEvents + unit.events.length > this.options.maxQueuedEvents) {
      return Promise.reject(
        new AppError('unavailable', 'ingest queue is full; retry later', { retryAfter: 1 }),
      );
    }
    const items = Math.max(1, unit.events.length + unit.attachments.length + unit.userReports.length);
    return new Promise((resolve, reject) => {
      this.pending.push({ unit, items, enqueuedAt: performance.now(), resolve, reject });
      this.queuedItems += items;
      this.queuedEvents += unit.events.length;
      this.schedule();
    });
  }

  stats(): IngestBatcherStats {
    const oldest = this.pending[0];
    return {
      queuedEvents: this.queuedEvents,
      queuedItems: this.queuedItems,
      inFlightItems: this.inFlightItems,
      oldestQueuedAgeMs: oldest ? Math.round(performance.now() - oldest.enqueuedAt) : 0,
      lastFlushMs: Math.round(this.lastFlushMs * 100) / 100,
      lastBatchItems: this.lastBatchItems,
      flushes: this.flushes,
      failedFlushes: this.failedFlushes,
    };
  }

  /** Refuses new units and resolves once everything queued has been written (or failed). */
  async close(): Promise<void> {
    this.closed = true;
    while (this.flushing || this.pending.length > 0) {
      if (!this.flushing) this.startFlush();
      await this.flushing;
    }
  }

  private schedule(): void {
    if (this.flushing) return; // the running flush picks the next batch up when it ends
    if (this.queuedItems >= this.options.batchMax) {
      this.startFlush();
    } else if (this.timer === null) {
      const fire = (): void => {
        this.timer = null;
        if (!this.flushing && this.pending.length > 0) this.startFlush();
      };
      // 0 ms: flush once this event-loop turn has read what already arrived (setTimeout would wait >= 1 ms).
      if (this.options.batchDelayMs === 0) {
        const immediate = setImmediate(fire);
        this.timer = { cancel: () => clearImmediate(immediate) };
      } else {
        const timeout = setTimeout(fire, this.options.batchDelayMs);
        this.timer = { cancel: () => clearTimeout(timeout) };
      }
    }
  }

  private startFlush(): void {
    if (this.timer !== null) {
      this.timer.cancel();
      this.timer = null;
    }
    const entries = this.takeBatch();
    this.flushing = this.write(entries).finally(() => {
      this.flushing = null;
      // Whatever queued during the write has already waited long enough: write it right away.
      if (this.pending.length > 0) this.startFlush();
    });
  }

  private takeBatch(): Entry[] {
    let items = 0;
    let count = 0;
    while (
      count < this.pending.length &&
      (count === 0 || items + this.pending[count]!.items <= this.options.batchMax)
    ) {
      items += this.pending[count]!.items;
      count += 1;
    }
    const entries = this.pending.splice(0, count);
    let events = 0;
    for (const entry of entries) events += entry.unit.events.length;
    this.queuedItems -= items;
    this.queuedEvents -= events;
    this.inFlightItems = items;
    return entries;
  }

  private async write(entries: Entry[]): Promise<void> {
    const batch: IngestBatch = { events: [], attachments: [], userReports: [], outcomes: [] };
    for (const { unit } of entries) {
      for (const e of unit.events) batch.events.push(e);
      for (const a of unit.attachments) batch.attachments.push(a);
      for (const r of unit.userReports) batch.userReports.push(r);
      for (const o of unit.outcomes) batch.outcomes.push(o);
    }
    const started = performance.now();
    let results: EventWriteResult[];
    try {
      results = await this.store.writeBatch(batch);
    } catch (error) {
      this.failedFlushes += 1;
      this.inFlightItems = 0;
      const failure = new AppError('unavailable', 'storage is unavailable; retry later', {
        retryAfter: 1,
        cause: error instanceof Error ? error.message : String(error),
      });
      for (const entry of entries) entry.reject(failure);
      return;
    }
    this.lastFlushMs = performance.now() - started;
    this.lastBatchItems = this.inFlightItems;
    this.inFlightItems = 0;
    this.flushes += 1;
    let offset = 0;
    for (const entry of entries) {
      const count = entry.unit.events.length;
      entry.resolve(results.slice(offset, offset + count));
      offset += count;
    }
    try {
      this.options.onFlushed?.(results);
    } catch {
      // A listener's failure must not turn a committed batch into an error.
    }
  }
}
