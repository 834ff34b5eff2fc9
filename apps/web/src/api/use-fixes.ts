import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './api-client.ts';
import { apiGetOptional } from './api-get-optional.ts';
import { queryKeys } from './query-keys.ts';
import type { Fix } from './types.ts';

export function useFixes(org: string, status: string) {
  return useQuery({
    queryKey: queryKeys.fixes(org, status),
    queryFn: async ({ signal }) =>
      (await apiGetOptional<Fix[]>(
        `/api/0/organizations/${encodeURIComponent(org)}/fixes/`,
        { status },
        signal,
      )) ?? [],
  });
}

export function useFix(id: string) {
  return useQuery({
    queryKey: queryKeys.fix(id),
    queryFn: ({ signal }) =>
      apiGetOptional<Fix>(`/api/0/fixes/${encodeURIComponent(id)}/`, undefined, signal),
  });
}

/** POST /fixes/{id}/approve/ or /reject/ (with an optional reason). */
export function useFixDecision(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ decision, reason }: { decision: 'approve' | 'reject'; reason?: string }) =>
      (
        await apiRequest<Fix>(`/api/0/fixes/${encodeURIComponent(id)}/${decision}/`, {
          method: 'POST',
          body: reason ? { reason } : {},
        })
      ).data,
    onSuccess: (fix) => {
      if (fix) queryClient.setQueryData(queryKeys.fix(id), fix);
      void queryClient.invalidateQueries({ queryKey: ['org'] });
    },
  });
}
