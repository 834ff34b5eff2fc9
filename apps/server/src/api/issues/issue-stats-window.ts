import type { IssueStatsQuery } from '@fixloop/core';

export const STATS_PERIODS = ['24h', '14d', '30d'] as const;
export type IssueStatsPeriod = (typeof STATS_PERIODS)[number];

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Sentry's issue stats buckets: `24h` is 24 hourly buckets, `14d` and `30d` daily ones (UTC), the
 * last bucket being the current, partial one.
 */
export function statsWindow(period: IssueStatsPeriod, now: Date): Omit<IssueStatsQuery, 'issueIds'> {
  const bucketMs = period === '24h' ? HOUR_MS : DAY_MS;
  const buckets = period === '24h' ? 24 : period === '14d' ? 14 : 30;
  const current = Math.floor(now.getTime() / bucketMs) * bucketMs;
  return { start: new Date(current - (buckets - 1) * bucketMs), bucketMs, buckets };
}

/** `[[epochSeconds, count], …]` as Sentry sends `stats`. */
export function toStatsSeries(
  window: Omit<IssueStatsQuery, 'issueIds'>,
  counts: number[],
): [number, number][] {
  return counts.map((count, i) => [(window.start.getTime() + i * window.bucketMs) / 1000, count]);
}
