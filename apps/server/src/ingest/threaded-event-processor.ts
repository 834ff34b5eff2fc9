import { Worker } from 'node:worker_threads';
import { AppError } from '@fixloop/core';
import type { AppErrorCode, EventWrite } from '@fixloop/core';
import type { EventProcessor, EventTask } from './event-processor.ts';
import type { EventContext } from './event-write-builder.ts';

export interface WorkerRequest {
  id: number;
  tasks: EventTask[];
  context: EventContext;
}

export type WorkerReply =
  | { id: number; writes: EventWrite[] }
  | { id: number; error: { code: AppErrorCode; message: string; details: Record<string, unknown> } };

interface Pending {
  resolve: (writes: EventWrite[]) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

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
 * thread. A thread that dies fails its in-flight requests with 503 (nothing was acknowledged) and is
 * replaced.
 */
export class ThreadedEventProcessor implements EventProcessor {
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private closing = false;

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  process(tasks: EventTask[], context: EventContext): Promise<EventWrite[]> {
    if (this.closing) return Promise.reject(new AppError('unavailable', 'server is shutting down'));
    const slot = this.leastBusy();
    const id = this.nextId++;
    // Copy each item's bytes into its own buffer and hand it over: the request body stays intact
    // (attachments still point into it) and only the item crosses the thread boundary.
    const transfer: ArrayBuffer[] = [];
    const sent = tasks.map((task) => {
      if (!(task.raw instanceof Uint8Array)) return task;
      const copy = task.raw.slice();
      transfer.push(copy.buffer);
      return { ...task, raw: copy };
    });
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, tasks: sent, context } satisfies WorkerRequest, transfer);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private leastBusy(): Slot {
    let best = this.slots[0]!;
    for (const slot of this.slots) if (slot.pending.size < best.pending.size) best = slot;
    return best;
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(workerScript()), pending: new Map() };
    slot.worker.on('message', (reply: WorkerReply) => {
      const pending = slot.pending.get(reply.id);
      if (!pending) return;
      slot.pending.delete(reply.id);
      if ('writes' in reply) pending.resolve(reply.writes);
      else pending.reject(new AppError(reply.error.code, reply.error.message, reply.error.details));
    });
    const fail = (reason: string): void => this.replace(slot, reason);
    slot.worker.on('error', (error) => fail(error.message));
    slot.worker.on('exit', (code) => fail(`exited with code ${code}`));
    return slot;
  }

  private replace(slot: Slot, reason: string): void {
    const index = this.slots.indexOf(slot);
    if (index === -1) return; // already replaced ('error' is followed by 'exit')
    for (const pending of slot.pending.values()) {
      pending.reject(new AppError('unavailable', `event processor thread failed: ${reason}`));
    }
    slot.pending.clear();
    if (this.closing) return;
    this.slots[index] = this.spawn();
  }
}
