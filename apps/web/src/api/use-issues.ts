import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from './api-client.ts';
import { ISSUE_PAGE_SIZE } from './issue-list-params.ts';
import type { IssueListParams } from './issue-list-params.ts';
import { parseLinkHeader } from './parse-link-header.ts';
import { queryKeys } from './query-keys.ts';
import type { Issue, IssuePage } from './types.ts';

/**
 * One page of the organization's issues. The previous page stays on screen while the next loads, and a
 * refetch (window focus, the refresh button) swaps rows in place: no scroll jump, no lost filters.
 */
export function useIssues(org: string, params: IssueListParams) {
  return useQuery(issuesQueryOptions(org, params));
}

/** Shared with the first-route prefetch, which starts this request before React renders. */
export function issuesQueryOptions(org: string, params: IssueListParams) {
  return queryOptions({
    queryKey: queryKeys.issues(org, params),
    queryFn: async ({ signal }): Promise<IssuePage> => {
      const { data, headers } = await apiRequest<Issue[]>(
        `/api/0/organizations/${encodeURIComponent(org)}/issues/`,
        {
          query: {
            query: params.query,
            sort: params.sort,
            statsPeriod: params.statsPeriod,
            limit: ISSUE_PAGE_SIZE,
            cursor: params.cursor,
            project: params.project,
          },
          signal,
        },
      );
      const hits = headers.get('X-Hits');
      return {
        issues: data,
        ...parseLinkHeader(headers.get('Link')),
        hits: hits === null ? null : Number(hits),
      };
    },
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
    staleTime: 15_000,
    enabled: org !== '',
  });
}
