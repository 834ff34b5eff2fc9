import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface WalCheckpointerOptions {
  filename: string;
  /** Least time between two checkpoints; writes in between are backfilled by the next one. */
  intervalMs?: number;
  /** The thread stops after this long without a request (an idle server does not keep it). */
  idleMs?: number;
}

/** What the checkpoint thread reports back after each `PRAGMA wal_checkpoint(PASSIVE)`. */
export type CheckpointReport =
  { ok: true; busy: number; log: number; checkpointed: number } | { ok: false; message: string };

/**
 * The thread's code, as a CommonJS string run with `eval`, so it needs no file of its own in the
 * bundle; the driver comes in by absolute path, resolved where this module sits.
 */
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let checkpoint;
try {
  checkpoint = new Database(workerData.filename, { fileMustExist: true }).prepare('PRAGMA wal_checkpoint(PASSIVE)');
} catch (error) {
  parentPort.postMessage({ ok: false, message: 'cannot open ' + workerData.filename + ': ' + String(error && error.message) });
  process.exit(1);
}
parentPort.on('message', () => {
  try {
    parentPort.postMessage({ ok: true, ...checkpoint.get() });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: String(error && error.message) });
  }
});
`;

/**
 * Backfills the WAL into the database file from a thread of its own. A checkpoint syncs the WAL and
 * then the database file: two fsyncs that took ~10 ms here. When the one writer connection checkpoints
 * itself (SQLite's auto-checkpoint), that time blocks the event loop and every request waiting on it;
 * from here it blocks nobody. PASSIVE never waits for the writer, so ingest goes on meanwhile. The
 * writer keeps a (higher) auto-checkpoint as the backstop: it restarts the WAL once everything in it
 * is backfilled, and does the backfill itself if this thread falls behind or dies.
 */
export class SqliteWalCheckpointer {
  private worker: Worker | null = null;
  private inFlight = false;
  private lastStarted = Number.NEGATIVE_INFINITY;
  private lastRequest = 0;
  private readonly intervalMs: number;
  private readonly idleMs: number;
  private readonly reaper: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly options: WalCheckpointerOptions,
    private readonly onReport: (report: CheckpointReport) => void = () => undefined,
  ) {
    this.intervalMs = options.intervalMs ?? 100;
    this.idleMs = options.idleMs ?? 30_000;
    this.reaper = setInterval(() => this.retireIfIdle(), Math.max(10, this.idleMs / 2));
    this.reaper.unref();
  }

  /** True while the checkpoint thread runs (for tests). */
  get running(): boolean {
    return this.worker !== null;
  }

  /** Called after each committed write: starts a checkpoint unless one ran within `intervalMs`. */
  request(now = performance.now()): void {
    if (this.closed) return;
    this.lastRequest = now;
    if (this.inFlight || now - this.lastStarted < this.intervalMs) return;
    this.inFlight = true;
    this.lastStarted = now;
    (this.worker ??= this.spawn()).postMessage('checkpoint');
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.reaper);
    await this.stopThread();
  }

  private spawn(): Worker {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(THREAD_SOURCE, {
      eval: true,
      workerData: { driver, filename: this.options.filename },
      // The thread holds almost nothing: keep its heap small.
      resourceLimits: { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 16 },
    });
    worker.unref();
    worker.on('message', (report: CheckpointReport) => {
      this.inFlight = false;
      this.onReport(report);
    });
    const lost = (message: string): void => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.inFlight = false;
      // The writer's own auto-checkpoint covers the gap; the next request starts a fresh thread.
      this.onReport({ ok: false, message });
    };
    worker.on('error', (error: unknown) => lost(String((error as Error | undefined)?.message ?? error)));
    worker.on('exit', (code) => lost(`checkpoint thread exited with code ${code}`));
    return worker;
  }

  private retireIfIdle(): void {
    if (this.worker !== null && !this.inFlight && performance.now() - this.lastRequest >= this.idleMs) {
      void this.stopThread();
    }
  }

  private async stopThread(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.inFlight = false;
    if (worker !== null) await worker.terminate();
  }
}
