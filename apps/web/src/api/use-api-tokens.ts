import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiRequest } from './api-client.ts';
import { queryKeys } from './query-keys.ts';
import type { ApiToken } from './types.ts';

export function useApiTokens() {
  return useQuery({
    queryKey: queryKeys.apiTokens,
    queryFn: ({ signal }) => apiGet<ApiToken[]>('/api/0/api-tokens/', undefined, signal),
  });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { name: string; scopes: string[] }) =>
      (await apiRequest<ApiToken>('/api/0/api-tokens/', { method: 'POST', body })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens }),
  });
}

export function useDeleteApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      await apiRequest<null>(`/api/0/api-tokens/${encodeURIComponent(id)}/`, { method: 'DELETE' });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens }),
  });
}
