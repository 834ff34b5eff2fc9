import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toInvestigationView } from '../investigations/to-investigation-view.ts';
import { apiRequest } from './api-client.ts';
import { apiGetOptional } from './api-get-optional.ts';
import { queryKeys } from './query-keys.ts';
import type { Investigation, InvestigationJson } from './types.ts';

export function useInvestigations(org: string) {
  return useQuery({
    queryKey: queryKeys.investigations(org),
    queryFn: async ({ signal }) =>
      (
        (await apiGetOptional<InvestigationJson[]>(
          `/api/0/organizations/${encodeURIComponent(org)}/investigations/`,
          { limit: 100 },
          signal,
        )) ?? []
      ).map(toInvestigationView),
  });
}

/** The issue's investigations, newest first. */
export function useIssueInvestigations(issueId: string) {
  return useQuery<Investigation[]>({
    queryKey: queryKeys.issueInvestigations(issueId),
    // While the latest one is still working, look again every few seconds.
    refetchInterval: (query) => {
      const status = query.state.data?.[0]?.status;
      return status === 'pending' || status === 'running' ? 3000 : false;
    },
    queryFn: async ({ signal }) =>
      (
        (await apiGetOptional<InvestigationJson[]>(
          `/api/0/issues/${encodeURIComponent(issueId)}/investigations/`,
          undefined,
          signal,
        )) ?? []
      ).map(toInvestigationView),
  });
}

export function useInvestigation(id: string) {
  return useQuery({
    queryKey: ['investigation', id],
    queryFn: async ({ signal }) => {
      const json = await apiGetOptional<InvestigationJson>(
        `/api/0/investigations/${encodeURIComponent(id)}/`,
        undefined,
        signal,
      );
      return json === null ? null : toInvestigationView(json);
    },
  });
}

/** POST /issues/{id}/investigate/: queues an investigation now (202 with the pending investigation). */
export function useStartInvestigation(issueId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (force: boolean) =>
      toInvestigationView(
        (
          await apiRequest<InvestigationJson>(`/api/0/issues/${encodeURIComponent(issueId)}/investigate/`, {
            method: 'POST',
            body: { force },
          })
        ).data,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.issueInvestigations(issueId) }),
  });
}
