import type { FixloopConfig } from '@fixloop/config';
import { everyMs } from './recurring-scheduler.ts';
import type { Schedule } from './recurring-scheduler.ts';

/** The recurring jobs every Fixloop runs. Alert digests and health checks add theirs here. */
export function defaultSchedules(config: FixloopConfig): Schedule[] {
  return [
    {
      name: 'retention',
      kind: 'retention.run',
      next: everyMs(config.worker.retentionIntervalMinutes * 60_000),
      // Two purges never run at once when one overlaps the next slot.
      concurrencyKey: 'retention',
      maxAttempts: 3,
    },
    {
      // Alerting's minute tick: digests, spikes, user reports, failing jobs, and the report jobs of every
      // rule whose cron is due (critical check every 10 min, daily summary 09:00 UTC, weekly report).
      name: 'alerts-tick',
      kind: 'alerts.tick',
      next: everyMs(60_000),
      concurrencyKey: 'alerts.tick',
      maxAttempts: 2,
    },
    // Autofix: threshold trigger rules and attempts whose job died (every minute); branch sync (10 min).
    {
      name: 'autofix-scan',
      kind: 'autofix.scan',
      next: everyMs(60_000),
      concurrencyKey: 'autofix.scan',
      maxAttempts: 1,
    },
    {
      name: 'autofix-sync',
      kind: 'autofix.sync',
      next: everyMs(10 * 60_000),
      concurrencyKey: 'autofix.sync',
      maxAttempts: 1,
    },
  ];
}
