import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface WalCheckpointerOptions {
  filename: string;
  /** Least time between two checkpoints; writes in between are backfilled by the next one. */
  intervalMs?: number;
  /** The thread stops after this long without a request (an idle server does not keep it). */
  idleMs?: number;
  /**
   * Once a checkpoint has backfilled a WAL of at least this many frames, the writer is asked to hold
   * its next write for one more checkpoint (`restartPoint`), so that write restarts the WAL.
   */
  restartAtFrames?: number;
}

/** What the checkpoint thread reports back after each `PRAGMA wal_checkpoint(PASSIVE)`. */
export type CheckpointReport =
  { ok: true; busy: number; log: number; checkpointed: number } | { ok: false; message: string };

/**
 * The thread's code, as a CommonJS string run with `eval`, so it needs no file of its own in the
 * bundle; the driver comes in by absolute path, resolved where this module sits.
 */
const THREAD_SOURCE = `
const { fsyncSync, openSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let checkpoint;
let dbFile;
try {
  checkpoint = new Database(workerData.filename, { fileMustExist: true }).prepare('PRAGMA wal_checkpoint(PASSIVE)');
  dbFile = openSync(workerData.filename, 'r+');
} catch (error) {
  parentPort.postMessage({ ok: false, message: 'cannot open ' + workerData.filename + ': ' + String(error && error.message) });
  process.exit(1);
}
parentPort.on('message', () => {
  try {
    const report = checkpoint.get();
    // The database file too: see SqliteWalCheckpointer.
    fsyncSync(dbFile);
    parentPort.postMessage({ ok: true, ...report });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: String(error && error.message) });
  }
});
`;

/**
 * Backfills the WAL into the database file from a thread of its own. A checkpoint syncs the WAL and
 * then the database file: two fsyncs that took ~10 ms here. When the one writer connection checkpoints
 * itself (SQLite's auto-checkpoint), that time blocks the event loop and every request waiting on it;
 * from here it blocks nobody. PASSIVE never waits for the writer, so ingest goes on meanwhile.
 * The thread also fsyncs the database file after each run: SQLite syncs it only when a checkpoint
 * catches up with the newest commit, under steady load only at a WAL restart, so every page backfilled
 * since stayed dirty and that one sync (~32 MB of random pages) took ~22 ms. The writer keeps a (higher)
 * auto-checkpoint as the backstop, for when this thread falls behind or dies.
 */
export class SqliteWalCheckpointer {
  private worker: Worker | null = null;
  private inFlight = false;
  private lastStarted = Number.NEGATIVE_INFINITY;
  private lastRequest = 0;
  private readonly intervalMs: number;
  private readonly idleMs: number;
  private readonly restartAtFrames: number;
  /** Set when the WAL is big and was just backfilled: the writer's next write waits for one more run. */
  private restartDue = false;
  /** Resolves the writer's wait when the held checkpoint reports (or the thread is lost). */
  private releaseHold: (() => void) | null = null;
  private readonly reaper: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly options: WalCheckpointerOptions,
    private readonly onReport: (report: CheckpointReport) => void = () => undefined,
  ) {
    this.intervalMs = options.intervalMs ?? 100;
    this.idleMs = options.idleMs ?? 30_000;
    this.restartAtFrames = options.restartAtFrames ?? Number.POSITIVE_INFINITY;
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
    this.start(now);
  }

  /**
   * What the writer awaits before its next transaction, or null to go ahead. SQLite restarts the WAL
   * from its first frame only when a write transaction begins with every frame backfilled, which a
   * thread racing the writer's commits never sees under steady load; the writer's own backstop
   * checkpoint then did it, stalling the event loop 37-46 ms (2026-12-07). Held right after a complete
   * checkpoint, the wait covers only what was committed during that one (~10 ms of writes): 5-8 ms
   * during which requests queue but the event loop runs.
   */
  restartPoint(): Promise<void> | null {
    // A checkpoint in flight may have started before the last commit: try again at the next write.
    if (!this.restartDue || this.closed || this.inFlight) return null;
    this.restartDue = false;
    return new Promise((resolve) => {
      this.releaseHold = resolve;
      this.start(performance.now());
    });
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
      const held = this.releaseHold !== null;
      this.release();
      this.restartDue =
        !held && report.ok && report.log >= this.restartAtFrames && report.checkpointed === report.log;
      this.onReport(report);
    });
    const lost = (message: string): void => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.inFlight = false;
      this.restartDue = false;
      this.release();
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

  private start(now: number): void {
    this.inFlight = true;
    this.lastStarted = now;
    (this.worker ??= this.spawn()).postMessage('checkpoint');
  }

  private release(): void {
    const release = this.releaseHold;
    this.releaseHold = null;
    release?.();
  }

  private async stopThread(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.inFlight = false;
    this.restartDue = false;
    this.release();
    if (worker !== null) await worker.terminate();
  }
}
