import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './api-client.ts';
import { apiGetOptional } from './api-get-optional.ts';
import type { AlertDelivery } from './use-alert-deliveries.ts';

export const CHANNEL_KINDS = ['slack', 'telegram', 'email', 'discord', 'webhook', 'pagerduty'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** GET /organizations/{org}/alert-channels/: the config without its secrets; `secretFields` says which are set. */
export interface AlertChannel {
  id: string;
  kind: ChannelKind;
  name: string;
  enabled: boolean;
  source: 'api' | 'config';
  config: Record<string, unknown>;
  hasSecret: boolean;
  secretFields: string[];
  quietHours?: QuietHours | null;
  maxPerMinute?: number | null;
  allowPrivateNetworks?: boolean;
  telegramWebhookUrl?: string;
  slackInteractivityUrl?: string;
  slackCommandsUrl?: string;
  dateCreated: string;
}

export interface QuietHours {
  start: string;
  end: string;
  utcOffsetMinutes?: number;
  bypassSeverities?: string[];
}

/** POST body; on PUT, `config` is merged (a secret left out is kept, `null` removes a key). */
export interface AlertChannelInput {
  name?: string;
  kind?: ChannelKind;
  config?: Record<string, unknown>;
  enabled?: boolean;
  maxPerMinute?: number | null;
  quietHours?: QuietHours | null;
  allowPrivateNetworks?: boolean;
}

const base = (org: string) => `/api/0/organizations/${encodeURIComponent(org)}/alert-channels/`;
const one = (org: string, id: string) => `${base(org)}${encodeURIComponent(id)}/`;
export const alertChannelsKey = (org: string) => ['org', org, 'alert-channels'] as const;

/** null when the server has no alerting API. */
export function useAlertChannels(org: string) {
  return useQuery({
    queryKey: alertChannelsKey(org),
    queryFn: ({ signal }) => apiGetOptional<AlertChannel[]>(base(org), undefined, signal),
  });
}

function useChannelMutation<V>(org: string, request: (variables: V) => Promise<AlertChannel | null>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertChannelsKey(org) }),
  });
}

export function useCreateAlertChannel(org: string) {
  return useChannelMutation(
    org,
    async (body: AlertChannelInput) =>
      (await apiRequest<AlertChannel>(base(org), { method: 'POST', body })).data,
  );
}

export function useUpdateAlertChannel(org: string) {
  return useChannelMutation(
    org,
    async ({ id, body }: { id: string; body: AlertChannelInput }) =>
      (await apiRequest<AlertChannel>(one(org, id), { method: 'PUT', body })).data,
  );
}

export function useDeleteAlertChannel(org: string) {
  return useChannelMutation(org, async (id: string) => {
    await apiRequest<null>(one(org, id), { method: 'DELETE' });
    return null;
  });
}

/** POST …/{id}/test/: sends a test message now and answers with its delivery (sent, or failed with the error). */
export function useTestAlertChannel(org: string) {
  return useMutation({
    mutationFn: async (id: string) =>
      (await apiRequest<AlertDelivery>(`${one(org, id)}test/`, { method: 'POST', body: {} })).data,
  });
}

/** POST …/{id}/telegram-webhook/: has Telegram deliver bot commands to Fixloop (needs a public HTTPS base URL). */
export function useRegisterTelegramWebhook(org: string) {
  return useMutation({
    mutationFn: async (id: string) =>
      (
        await apiRequest<{ ok: boolean; url: string }>(`${one(org, id)}telegram-webhook/`, {
          method: 'POST',
          body: {},
        })
      ).data,
  });
}
