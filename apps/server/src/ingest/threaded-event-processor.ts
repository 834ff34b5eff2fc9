import { Worker } from 'node:worker_threads';
import { AppError } from '@fixloop/core';
import type { EventWrite } from '@fixloop/core';
import { compressDeferredBlobs } from '@fixloop/storage-sql';
import type { EventProcessor, EventTask } from './event-processor.ts';
import type { EventContext } from './event-write-builder.ts';
import { packTaskBytes } from './pack-task-bytes.ts';
import { ReplyQueue } from './reply-queue.ts';
import type { WorkerReply, WorkerReplyBatch, WorkerRequest, WorkerRequestBatch } from './worker-messages.ts';

interface Pending {
  resolve: (writes: EventWrite[]) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  /** Every request not answered yet, sent or not. */
  pending: ReplyQueue<Pending>;
  /** Requests not sent yet: they go together once this turn of the event loop has made them all. */
  outbox: WorkerRequest[];
  lastUsed: number;
  retired: boolean;
}

export interface ThreadedEventProcessorOptions {
  /** A thread with nothing to do for this long is stopped; the next burst starts it again. */
  idleMs?: number;
}

/** After a minute without events a thread's ~10 MB go back to the OS (it restarts in ~50 ms). */
const DEFAULT_IDLE_MS = 60_000;
/**
 * V8 grows a young generation up to 48 MB under sustained allocation; 24 MB keeps scavenges as rare as
 * the 5 KB event rate needs (measured with bench/ingest) at half the peak resident memory.
 */
const YOUNG_GENERATION_MB = 24;
/**
 * Requests per message at most. A message has a fixed cost on both threads, so the requests one
 * event-loop turn makes go together; but a thread starts on a message only once it is sent and answers
 * it as a whole, so a turn that reads many requests sends them in fours. At the 5 KB peak with 64
 * connections the ingest thread then waited for work 16% of the time, against 20% with up to 16 per
 * message (docs/adr/0003).
 */
const MAX_REQUESTS_PER_MESSAGE = 4;

/** The worker script beside this module: via a tsx bootstrap from sources, plain JS in the bundle. */
function workerScript(): URL {
  const self = import.meta.url;
  return self.endsWith('.ts')
    ? new URL('./event-processor-worker-tsx.mjs', self)
    : new URL('./event-processor-worker.js', self);
}

/**
 * Runs EventTasks on a pool of worker threads, so parsing, normalization and grouping use the spare
 * cores while the main thread serves HTTP and writes batches. Each request goes to the least busy
 * thread. Threads start on demand (an idle server does not pay for them) and stop after `idleMs`
 * without work. A thread that dies fails its in-flight requests with 503 (nothing was acknowledged)
 * and is replaced.
 */
export class ThreadedEventProcessor implements EventProcessor {
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private closing = false;
  private readonly idleMs: number;
  private readonly reaper: NodeJS.Timeout;

  constructor(
    readonly size: number,
    options: ThreadedEventProcessorOptions = {},
  ) {
    this.idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
    this.reaper = setInterval(() => this.retireIdle(), Math.max(10, this.idleMs / 2));
    this.reaper.unref();
  }

  /** Threads currently running (for tests and health). */
  get threads(): number {
    return this.slots.length;
  }

  process(tasks: EventTask[], context: EventContext): Promise<EventWrite[]> {
    if (this.closing) return Promise.reject(new AppError('unavailable', 'server is shutting down'));
    const slot = this.pick();
    slot.lastUsed = performance.now();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.push(id, { resolve, reject });
      slot.outbox.push({ id, tasks, context });
      // The requests of one event-loop turn (what one poll read from the sockets) go together.
      if (slot.outbox.length === 1) setImmediate(() => this.send(slot));
      else if (slot.outbox.length >= MAX_REQUESTS_PER_MESSAGE) this.send(slot);
    });
  }

  private send(slot: Slot): void {
    // Empty also for a replaced thread: replace() failed its requests and cleared its outbox.
    if (slot.outbox.length === 0) return;
    const outbox = slot.outbox;
    slot.outbox = [];
    const { requests, buffer } = packTaskBytes(outbox);
    slot.worker.postMessage({ requests } satisfies WorkerRequestBatch, buffer ? [buffer] : []);
  }

  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.reaper);
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  /** The least busy thread; a new one while all are busy and the pool has room. */
  private pick(): Slot {
    let best: Slot | undefined;
    for (const slot of this.slots)
      if (best === undefined || slot.pending.size < best.pending.size) best = slot;
    if (best !== undefined && (best.pending.size === 0 || this.slots.length >= this.size)) return best;
    const slot = this.spawn();
    this.slots.push(slot);
    return slot;
  }

  private retireIdle(): void {
    const now = performance.now();
    for (const slot of [...this.slots]) {
      if (slot.pending.size > 0 || now - slot.lastUsed < this.idleMs) continue;
      slot.retired = true;
      this.slots.splice(this.slots.indexOf(slot), 1);
      void slot.worker.terminate();
    }
  }

  private spawn(): Slot {
    const worker = new Worker(workerScript(), {
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    const slot: Slot = {
      worker,
      pending: new ReplyQueue(),
      outbox: [],
      lastUsed: performance.now(),
      retired: false,
    };
    slot.worker.on('message', ({ replies }: WorkerReplyBatch) => {
      for (const reply of replies) settle(slot.pending.take(reply.id), reply);
    });
    const fail = (reason: string): void => this.replace(slot, reason);
    slot.worker.on('error', (error) => fail(error.message));
    slot.worker.on('exit', (code) => fail(`exited with code ${code}`));
    return slot;
  }

  private replace(slot: Slot, reason: string): void {
    if (slot.retired) return;
    const index = this.slots.indexOf(slot);
    if (index === -1) return; // already replaced ('error' is followed by 'exit')
    slot.outbox = [];
    for (const pending of slot.pending.drain()) {
      pending.reject(new AppError('unavailable', `event processor thread failed: ${reason}`));
    }
    // The next request starts a fresh thread.
    this.slots.splice(index, 1);
  }
}

function settle(pending: Pending | undefined, reply: WorkerReply): void {
  if (!pending) return;
  // Large blobs come uncompressed: see the worker entry.
  if ('writes' in reply) pending.resolve(reply.writes.map(compressDeferredBlobs));
  else pending.reject(new AppError(reply.error.code, reply.error.message, reply.error.details));
}
