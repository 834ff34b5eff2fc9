import { useQuery } from '@tanstack/react-query';
import { apiGet } from './api-client.ts';
import { queryKeys } from './query-keys.ts';
import type { Issue } from './types.ts';

export function useIssue(id: string) {
  return useQuery({
    queryKey: queryKeys.issue(id),
    queryFn: ({ signal }) => apiGet<Issue>(`/api/0/issues/${encodeURIComponent(id)}/`, undefined, signal),
  });
}
