import { AppError } from '@fixloop/core';
import { TelegramNotifier } from '@fixloop/notifiers';
import { z } from 'zod';
import { createChannelNotifier } from '../../alerts/channel-notifier.ts';
import type { Alerting } from '../../alerts/start-alerting.ts';
import { telegramWebhookSecret } from '../../alerts/telegram/telegram-webhook-route.ts';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';

const params = z.object({
  org: z.string().min(1),
  channelId: z.string().regex(/^\d+$/, 'must be a channel id'),
});

/**
 * `POST /api/0/organizations/{org}/alert-channels/{id}/telegram-webhook/`: registers the channel's webhook
 * with Telegram (setWebhook with the URL and its secret token), so bot commands arrive without polling.
 * Telegram only calls public HTTPS URLs, so FIXLOOP_BASE_URL must be one.
 */
export function telegramWebhookSetupRoutes(services: ApiServices, alerting: Alerting): AnyRouteSpec[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/api/0/organizations/:org/alert-channels/:channelId/telegram-webhook/',
      summary: "Register a Telegram channel's bot webhook with Telegram (setWebhook)",
      tags: ['alerts'],
      scope: 'org:write',
      params,
      handler: async ({ principal, params: { org, channelId } }) => {
        const access = await services.access.organization(principal, org, 'org:write');
        const channel = await services.storage.alerts.getChannel(Number(channelId));
        if (channel === null || channel.organizationId !== access.organization.id) {
          throw new AppError('not_found', 'The requested alert channel does not exist.');
        }
        const created = createChannelNotifier(alerting.context, channel);
        if (!created.ok || !(created.notifier instanceof TelegramNotifier)) {
          throw new AppError('bad_request', 'Only a working Telegram channel has a bot webhook.');
        }
        const secret = telegramWebhookSecret(alerting.context, channel.id);
        const url = `${services.baseUrl()}/api/0/integrations/telegram/webhook/${secret}/`;
        const answer = await created.notifier.api.call('setWebhook', {
          url,
          secret_token: secret,
          allowed_updates: ['message'],
        });
        await services.audit.record(principal, {
          organizationId: access.organization.id,
          action: 'alert_channel.telegram_webhook',
          target: `alert_channel:${channel.id}`,
          after: { ok: answer.ok },
        });
        if (!answer.ok) throw new AppError('bad_request', `Telegram refused the webhook: ${answer.error}`);
        return { ok: true, url };
      },
    }),
  ];
}
