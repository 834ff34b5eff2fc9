import type { OutcomeRow } from '@fixloop/core';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Outcome categories counted as errors (Sentry's `error` category covers default and security events). */
export const ERROR_CATEGORIES = ['error', 'default', 'security'];

export interface Buckets {
  /** Start of the first bucket, epoch ms (aligned to the interval, UTC). */
  start: number;
  intervalMs: number;
  count: number;
}

/** Aligned buckets covering [start, end). */
export function bucketsFor(start: Date, end: Date, intervalMs: number): Buckets {
  const first = Math.floor(start.getTime() / intervalMs) * intervalMs;
  const count = Math.max(1, Math.ceil((end.getTime() - first) / intervalMs));
  return { start: first, intervalMs, count };
}

/** The last `count` buckets up to and including the current one. */
export function trailingBuckets(now: Date, intervalMs: number, count: number): Buckets {
  const current = Math.floor(now.getTime() / intervalMs) * intervalMs;
  return { start: current - (count - 1) * intervalMs, intervalMs, count };
}

/** Sums hourly rows into the buckets; rows outside them are ignored. */
export function sumIntoBuckets(
  rows: OutcomeRow[],
  buckets: Buckets,
  value: (row: OutcomeRow) => number,
): number[] {
  const series = new Array<number>(buckets.count).fill(0);
  for (const row of rows) {
    const index = Math.floor((row.bucket - buckets.start) / buckets.intervalMs);
    if (index >= 0 && index < buckets.count) series[index] = (series[index] ?? 0) + value(row);
  }
  return series;
}

export function bucketEnd(buckets: Buckets): Date {
  return new Date(buckets.start + buckets.count * buckets.intervalMs);
}

/** `[[epochSeconds, n], …]`. */
export function toPairs(buckets: Buckets, series: number[]): [number, number][] {
  return series.map((n, i) => [(buckets.start + i * buckets.intervalMs) / 1000, n]);
}
