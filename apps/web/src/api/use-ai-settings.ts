import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './api-client.ts';
import { apiGetOptional } from './api-get-optional.ts';
import { queryKeys } from './query-keys.ts';
import type { AiSettings } from './types.ts';

const path = (org: string) => `/api/0/organizations/${encodeURIComponent(org)}/ai/`;

/** AI provider and model with a fallback; null until the server offers the endpoint. */
export function useAiSettings(org: string) {
  return useQuery({
    queryKey: queryKeys.aiSettings(org),
    queryFn: ({ signal }) => apiGetOptional<AiSettings>(path(org), undefined, signal),
  });
}

export function useUpdateAiSettings(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (settings: Pick<AiSettings, 'primary' | 'fallback'>) =>
      (await apiRequest<AiSettings>(path(org), { method: 'PUT', body: settings })).data,
    onSuccess: (data) => queryClient.setQueryData(queryKeys.aiSettings(org), data),
  });
}
