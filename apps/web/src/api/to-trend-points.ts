import type { StatsSummary, TrendPoint } from './types.ts';

type RawSeries = NonNullable<StatsSummary['series']>;

/** Accepts `[epochSeconds, n]` pairs or `{timestamp, count}` objects (the summary's trend series). */
export function toTrendPoints(series: RawSeries | undefined): TrendPoint[] {
  if (!series) return [];
  return series.map((point) => {
    if (Array.isArray(point)) return { time: point[0] * 1000, count: point[1] };
    const time = typeof point.timestamp === 'number' ? point.timestamp * 1000 : Date.parse(point.timestamp);
    return { time, count: point.count };
  });
}

interface StatsV2 {
  intervals: string[];
  groups: { series: Record<string, number[]> }[];
}

/** Sums Sentry's stats_v2 groups into one series per interval. */
export function statsV2ToTrendPoints(stats: StatsV2 | null): TrendPoint[] {
  if (!stats || !Array.isArray(stats.intervals)) return [];
  return stats.intervals.map((interval, index) => ({
    time: Date.parse(interval),
    count: stats.groups.reduce((sum, group) => sum + (Object.values(group.series)[0]?.[index] ?? 0), 0),
  }));
}
