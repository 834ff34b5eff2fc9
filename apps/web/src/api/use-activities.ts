import { useQuery } from '@tanstack/react-query';
import { apiGetOptional } from './api-get-optional.ts';
import { queryKeys } from './query-keys.ts';
import type { Activity } from './types.ts';

/** The issue's activity log (status changes, assignments, notes), newest first. */
export function useActivities(issueId: string) {
  return useQuery({
    queryKey: queryKeys.activities(issueId),
    queryFn: async ({ signal }) => {
      const data = await apiGetOptional<Activity[] | { activity: Activity[] }>(
        `/api/0/issues/${encodeURIComponent(issueId)}/activities/`,
        undefined,
        signal,
      );
      if (data === null) return [];
      return Array.isArray(data) ? data : data.activity;
    },
  });
}
