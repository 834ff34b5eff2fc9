import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './api-client.ts';
import { queryKeys } from './query-keys.ts';
import type { Issue, IssueUpdate } from './types.ts';

/** PUT /issues/{id}/: the answer replaces the cached issue; lists and the activity log refetch. */
export function useUpdateIssue(id: string, org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (update: IssueUpdate) =>
      (await apiRequest<Issue>(`/api/0/issues/${encodeURIComponent(id)}/`, { method: 'PUT', body: update }))
        .data,
    onSuccess: (issue) => {
      if (issue && typeof issue === 'object' && 'id' in issue)
        queryClient.setQueryData(queryKeys.issue(id), issue);
      else void queryClient.invalidateQueries({ queryKey: queryKeys.issue(id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.activities(id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.issueLists(org) });
    },
  });
}
