import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './api-client.ts';
import { queryKeys } from './query-keys.ts';
import type { IssueUpdate } from './types.ts';

/** Sentry's bulk mutate: PUT /organizations/{org}/issues/?id=1&id=2 (also used to merge). */
export function useBulkUpdateIssues(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ ids, update }: { ids: string[]; update: IssueUpdate }) =>
      (
        await apiRequest<unknown>(`/api/0/organizations/${encodeURIComponent(org)}/issues/`, {
          method: 'PUT',
          query: { id: ids },
          body: update,
        })
      ).data,
    onSuccess: (_data, { ids }) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.issueLists(org) });
      for (const id of ids) void queryClient.invalidateQueries({ queryKey: queryKeys.issue(id) });
    },
  });
}
