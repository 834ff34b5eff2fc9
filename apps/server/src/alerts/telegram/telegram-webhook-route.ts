import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '@fixloop/core';
import type { AlertChannel } from '@fixloop/core';
import { defineRoute } from '../../api/api-route.ts';
import type { AnyRouteSpec } from '../../api/api-route.ts';
import type { AlertingContext } from '../alerting-context.ts';
import { handleTelegramUpdate } from './handle-telegram-update.ts';

/** The secret path segment of a Telegram channel's webhook, derived from the master key (never stored). */
export function telegramWebhookSecret(context: AlertingContext, channelId: number): string {
  return context.integrationSecret(`telegram-webhook:${channelId}`);
}

const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

async function channelForSecret(context: AlertingContext, secret: string): Promise<AlertChannel | null> {
  const channels = await context.storage.alerts.listChannels({ kind: 'telegram', enabledOnly: true });
  return channels.find((c) => same(telegramWebhookSecret(context, c.id), secret)) ?? null;
}

/**
 * `POST /api/0/integrations/telegram/webhook/<secret>/`: where Telegram delivers the bot's updates (set it
 * with setWebhook, `secret_token` = the same secret). Answered at once; the command runs afterwards.
 */
export function telegramWebhookRoutes(context: AlertingContext): AnyRouteSpec[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/api/0/integrations/telegram/webhook/:secret/',
      summary: 'Telegram bot webhook: commands from allow-listed chats',
      tags: ['alerts'],
      auth: false,
      params: z.object({ secret: z.string().min(16).max(128) }),
      handler: async ({ params, request, reply }) => {
        const channel = await channelForSecret(context, params.secret);
        if (channel === null) throw new AppError('not_found', 'The requested webhook does not exist.');
        const token = request.headers['x-telegram-bot-api-secret-token'];
        if (typeof token === 'string' && !same(token, params.secret)) {
          throw new AppError('forbidden', 'Secret token mismatch.');
        }
        const raw = Buffer.isBuffer(request.body)
          ? request.body.toString('utf8')
          : JSON.stringify(request.body ?? null);
        let update: unknown;
        try {
          update = JSON.parse(raw);
        } catch {
          throw new AppError('bad_request', 'Request body is not valid JSON.');
        }
        void handleTelegramUpdate(context, channel, update).catch((error: unknown) =>
          context.log(`alerts: Telegram update failed: ${(error as Error).message}`),
        );
        return reply.code(200).type('application/json').send('{}');
      },
    }),
  ];
}
