import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './api-client.ts';
import { apiGetOptional } from './api-get-optional.ts';
import { queryKeys } from './query-keys.ts';
import { toFix } from './to-fix.ts';
import type { FixJson } from './to-fix.ts';

export function useFixes(org: string, status: string) {
  return useQuery({
    queryKey: queryKeys.fixes(org, status),
    queryFn: async ({ signal }) =>
      (
        (await apiGetOptional<FixJson[]>(
          `/api/0/organizations/${encodeURIComponent(org)}/fixes/`,
          { status },
          signal,
        )) ?? []
      ).map(toFix),
  });
}

export function useFix(id: string) {
  return useQuery({
    queryKey: queryKeys.fix(id),
    queryFn: async ({ signal }) => {
      const json = await apiGetOptional<FixJson>(
        `/api/0/fixes/${encodeURIComponent(id)}/`,
        undefined,
        signal,
      );
      return json ? toFix(json) : null;
    },
  });
}

export type FixDecision = 'approve' | 'reject' | 'rollback';

/** POST /fixes/{id}/approve/, /reject/ (with its reason) or /rollback/ (with an optional reason). */
export function useFixDecision(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ decision, reason }: { decision: FixDecision; reason?: string }) => {
      const json = (
        await apiRequest<FixJson>(`/api/0/fixes/${encodeURIComponent(id)}/${decision}/`, {
          method: 'POST',
          body: reason ? { reason } : {},
        })
      ).data;
      return json ? toFix(json) : null;
    },
    onSuccess: (fix) => {
      if (fix) queryClient.setQueryData(queryKeys.fix(id), fix);
      void queryClient.invalidateQueries({ queryKey: ['org'] });
    },
  });
}
