import type { Clock, JobQueue } from '@fixloop/core';

/** When a schedule fires: the first slot strictly after a given time (a cron rule or a fixed period). */
export type NextSlot = (after: Date) => Date | null;

export interface Schedule {
  /** Stable name; part of the dedupe key, so renaming a schedule re-runs its current slot once. */
  name: string;
  kind: string;
  payload?: Record<string, unknown>;
  next: NextSlot;
  concurrencyKey?: string;
  maxAttempts?: number;
}

/** Slots aligned to the epoch, so every instance computes the same ones. */
export function everyMs(periodMs: number): NextSlot {
  return (after) => new Date((Math.floor(after.getTime() / periodMs) + 1) * periodMs);
}

const TICK_MS = 15_000;

/**
 * Recurring jobs on the persistent queue. Each instance computes the same slots and enqueues each with
 * the dedupe key `schedule:<name>:<slot>`, so a slot runs exactly once however many instances share
 * the database. A process that was down catches up with the latest missed slot only, not every one.
 */
export class RecurringScheduler {
  private readonly due = new Map<string, Date | null>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly jobs: JobQueue,
    private readonly schedules: readonly Schedule[],
    private readonly clock: Clock,
    private readonly log: (line: string) => void,
  ) {
    // A slot in the current minute still counts at start, so a restart at 09:00:20 runs the 09:00 job.
    const start = new Date(clock.now().getTime() - 60_000);
    for (const schedule of schedules) this.due.set(schedule.name, schedule.next(start));
  }

  async start(): Promise<void> {
    await this.tick();
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** Enqueues every schedule whose slot has come; returns the dedupe keys it created. */
  async tick(): Promise<string[]> {
    const now = this.clock.now();
    const created: string[] = [];
    for (const schedule of this.schedules) {
      const slot = this.latestDueSlot(schedule, now);
      if (slot === null) continue;
      const key = `schedule:${schedule.name}:${slot.toISOString()}`;
      try {
        const result = await this.jobs.enqueueUnique({
          kind: schedule.kind,
          payload: { ...schedule.payload, slot: slot.toISOString() },
          dedupeKey: key,
          concurrencyKey: schedule.concurrencyKey ?? null,
          // Due by the scheduler's clock, not the database's, so an injected clock drives the job too.
          runAt: now,
          ...(schedule.maxAttempts === undefined ? {} : { maxAttempts: schedule.maxAttempts }),
        });
        if (result.created) created.push(key);
      } catch (error) {
        this.log(`scheduler: could not enqueue ${key}: ${(error as Error).message}`);
        this.due.set(schedule.name, slot); // retry this slot on the next tick
      }
    }
    return created;
  }

  private latestDueSlot(schedule: Schedule, now: Date): Date | null {
    let slot: Date | null = null;
    let next = this.due.get(schedule.name) ?? null;
    while (next !== null && next.getTime() <= now.getTime()) {
      slot = next;
      next = schedule.next(next);
    }
    this.due.set(schedule.name, next);
    return slot;
  }
}
