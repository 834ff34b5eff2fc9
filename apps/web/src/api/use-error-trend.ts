import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGetOptional } from './api-get-optional.ts';
import { queryKeys } from './query-keys.ts';
import { statsV2ToTrendPoints, toTrendPoints } from './to-trend-points.ts';
import type { StatsSummary, TrendPoint } from './types.ts';

/**
 * The error-trend series from Sentry's stats_v2 (error category, hourly for 24h, daily for 14d), fetched
 * only when the stats summary has no series of its own.
 */
export function useErrorTrend(
  org: string,
  statsPeriod: string,
  project: string,
  summary: StatsSummary | null | undefined,
) {
  const fromSummary = toTrendPoints(summary?.series ?? summary?.trend);
  return useQuery({
    queryKey: queryKeys.errorTrend(org, statsPeriod, project),
    queryFn: async ({ signal }): Promise<TrendPoint[]> => {
      const stats = await apiGetOptional<Parameters<typeof statsV2ToTrendPoints>[0]>(
        `/api/0/organizations/${encodeURIComponent(org)}/stats_v2/`,
        {
          field: 'sum(quantity)',
          groupBy: 'category',
          category: 'error',
          interval: statsPeriod === '14d' ? '1d' : '1h',
          statsPeriod,
          project,
        },
        signal,
      );
      return statsV2ToTrendPoints(stats);
    },
    // Only when the summary (loaded) carries no series of its own.
    enabled: summary !== undefined && fromSummary.length === 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
