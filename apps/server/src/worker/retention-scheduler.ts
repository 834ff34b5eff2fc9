import type { JobQueue } from '@fixloop/core';

/** Enqueues `retention.run` at boot and then every `intervalMinutes`. */
export class RetentionScheduler {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly jobs: JobQueue,
    private readonly intervalMinutes: number,
    private readonly log: (line: string) => void,
  ) {}

  async start(): Promise<void> {
    await this.enqueue();
    this.timer = setInterval(() => void this.enqueue(), this.intervalMinutes * 60_000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  private async enqueue(): Promise<void> {
    try {
      // The concurrency key keeps two purges from running at once when a run overlaps the next tick.
      await this.jobs.enqueue({
        kind: 'retention.run',
        payload: {},
        concurrencyKey: 'retention',
        maxAttempts: 3,
      });
    } catch (error) {
      this.log(`retention: scheduling failed: ${(error as Error).message}`);
    }
  }
}
