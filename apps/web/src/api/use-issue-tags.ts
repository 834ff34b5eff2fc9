import { useQuery } from '@tanstack/react-query';
import { apiGet } from './api-client.ts';
import { queryKeys } from './query-keys.ts';
import type { IssueTag } from './types.ts';

export function useIssueTags(issueId: string) {
  return useQuery({
    queryKey: queryKeys.issueTags(issueId),
    queryFn: ({ signal }) =>
      apiGet<IssueTag[]>(`/api/0/issues/${encodeURIComponent(issueId)}/tags/`, undefined, signal),
    staleTime: 60_000,
  });
}
