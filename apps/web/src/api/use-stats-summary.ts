import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGetOptional } from './api-get-optional.ts';
import { queryKeys } from './query-keys.ts';
import type { StatsSummary } from './types.ts';

/** The cards above the issue list: total, blocking, errors, warnings in the period. */
export function useStatsSummary(org: string, statsPeriod: string, project: string) {
  return useQuery({
    queryKey: queryKeys.statsSummary(org, statsPeriod, project),
    queryFn: ({ signal }) =>
      apiGetOptional<StatsSummary>(
        `/api/0/organizations/${encodeURIComponent(org)}/stats/summary/`,
        { statsPeriod, project },
        signal,
      ),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
