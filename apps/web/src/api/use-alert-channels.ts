import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './api-client.ts';
import { apiGetOptional } from './api-get-optional.ts';

/** GET /organizations/{org}/alert-channels/ (secrets are never sent, only which are set). */
export interface AlertChannel {
  id: string;
  kind: string;
  name: string;
  enabled: boolean;
  source?: string;
  hasSecret: boolean;
  maxPerMinute?: number | null;
  dateCreated: string;
}

const base = (org: string) => `/api/0/organizations/${encodeURIComponent(org)}/alert-channels/`;
const key = (org: string) => ['org', org, 'alert-channels'] as const;

/** null when the server has no alerting API. */
export function useAlertChannels(org: string) {
  return useQuery({
    queryKey: key(org),
    queryFn: ({ signal }) => apiGetOptional<AlertChannel[]>(base(org), undefined, signal),
  });
}

export function useSetAlertChannelEnabled(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, enabled }: { id: string; enabled: boolean }) =>
      (
        await apiRequest<AlertChannel>(`${base(org)}${encodeURIComponent(id)}/`, {
          method: 'PUT',
          body: { enabled },
        })
      ).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(org) }),
  });
}

/** POST …/{id}/test/: sends a test alert through the channel. */
export function useTestAlertChannel(org: string) {
  return useMutation({
    mutationFn: async (id: string) =>
      (await apiRequest<unknown>(`${base(org)}${encodeURIComponent(id)}/test/`, { method: 'POST', body: {} }))
        .data,
  });
}
