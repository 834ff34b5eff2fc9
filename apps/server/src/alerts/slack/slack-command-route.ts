import { AppError } from '@fixloop/core';
import { parseTelegramCommand } from '@fixloop/notifiers';
import { defineRoute } from '../../api/api-route.ts';
import type { AnyRouteSpec } from '../../api/api-route.ts';
import type { AlertingContext } from '../alerting-context.ts';
import { runTelegramCommand } from '../telegram/run-telegram-command.ts';
import { slackRequestSigner } from './slack-request-signer.ts';

/** The bot commands answer in Telegram's HTML subset; Slack's mrkdwn escapes &, < and > the same way. */
export function htmlToSlackMrkdwn(html: string): string {
  return html
    .replace(/<b>(.*?)<\/b>/g, '*$1*')
    .replace(/<a href="([^"]*)">(.*?)<\/a>/g, '<$1|$2>')
    .replace(/^\//gm, '/fixloop ');
}

const ephemeral = (text: string) => ({ response_type: 'ephemeral', text });

/**
 * `POST /api/0/integrations/slack/commands/`: the `/fixloop` slash command (`/fixloop errors [component]
 * [hours]`, `resolve <issue>`, `investigate <issue>`, `stats [period]`, `help`), the same commands as the
 * Telegram bot. Signed with a Slack channel's signing secret; only from that channel's `channel` or its
 * `allowedChannelIds`. Answered inline (the commands are quick reads or one status change); a resolve or
 * an investigation is posted to the channel, the rest only to the caller.
 */
export function slackCommandRoutes(context: AlertingContext): AnyRouteSpec[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/api/0/integrations/slack/commands/',
      summary: 'Slack slash command /fixloop (signed with the app signing secret)',
      tags: ['alerts'],
      auth: false,
      handler: async ({ request, reply }) => {
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.from(String(request.body ?? ''));
        const signer = await slackRequestSigner(context, raw, request.headers);
        if (signer === null) throw new AppError('unauthenticated', 'Invalid Slack request signature.');
        const form = new URLSearchParams(raw.toString('utf8'));
        const slackChannel = form.get('channel_id') ?? '';
        const allowed = [signer.config.channel, ...(signer.config.allowedChannelIds ?? [])].filter(Boolean);
        if (!allowed.includes(slackChannel)) {
          context.log(`alerts: Slack command from channel ${slackChannel} refused (not allowed)`);
          return reply.send(ephemeral('Fixloop commands are not enabled in this channel.'));
        }
        const parsed = parseTelegramCommand(`/${(form.get('text') ?? '').trim() || 'help'}`);
        if (!parsed.ok) return reply.send(ephemeral(htmlToSlackMrkdwn(parsed.usage)));
        const actor = `slack:${form.get('team_id') ?? '-'}/${form.get('user_id') ?? '-'}`;
        const html = await runTelegramCommand(
          {
            storage: context.storage,
            organizationId: signer.channel.organizationId,
            baseUrl: context.baseUrl(),
            now: context.clock.now(),
            actor,
          },
          parsed.command,
        );
        const visible = parsed.command.name === 'resolve' || parsed.command.name === 'investigate';
        return reply.send({
          response_type: visible ? 'in_channel' : 'ephemeral',
          text: htmlToSlackMrkdwn(html),
        });
      },
    }),
  ];
}
