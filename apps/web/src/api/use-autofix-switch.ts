import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './api-client.ts';
import { apiGetOptional } from './api-get-optional.ts';
import { queryKeys } from './query-keys.ts';
import type { AutofixSwitch } from './types.ts';

const path = (org: string) => `/api/0/organizations/${encodeURIComponent(org)}/autofix/`;

/** The organization's autofix kill switch. */
export function useAutofixSwitch(org: string) {
  return useQuery({
    queryKey: queryKeys.autofix(org),
    queryFn: ({ signal }) => apiGetOptional<AutofixSwitch>(path(org), undefined, signal),
  });
}

export function useSetAutofix(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (enabled: boolean) =>
      (await apiRequest<AutofixSwitch>(path(org), { method: 'PUT', body: { enabled } })).data,
    onSuccess: (data, enabled) => queryClient.setQueryData(queryKeys.autofix(org), data ?? { enabled }),
  });
}
