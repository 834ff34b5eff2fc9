import { AppError } from '@fixloop/core';
import type { AlertChannel } from '@fixloop/core';
import { parseSlackInteraction, verifySlackSignature } from '@fixloop/notifiers';
import type { SlackChannelConfig } from '@fixloop/notifiers';
import { defineRoute } from '../../api/api-route.ts';
import type { AnyRouteSpec } from '../../api/api-route.ts';
import type { AlertingContext } from '../alerting-context.ts';
import { createChannelNotifier } from '../channel-notifier.ts';
import { answerKnowMore } from './answer-know-more.ts';

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The Slack channel whose signing secret signed this request, if any (each workspace has its own app). */
async function signedBy(
  context: AlertingContext,
  raw: Buffer,
  timestamp: string | undefined,
  signature: string | undefined,
): Promise<{ channel: AlertChannel; config: SlackChannelConfig } | null> {
  const now = context.clock.now();
  for (const channel of await context.storage.alerts.listChannels({ kind: 'slack', enabledOnly: true })) {
    const created = createChannelNotifier(context, channel);
    if (!created.ok || created.config.kind !== 'slack' || created.config.signingSecret === undefined)
      continue;
    if (verifySlackSignature(created.config.signingSecret, timestamp, raw, signature, now).ok) {
      return { channel, config: created.config };
    }
  }
  return null;
}

/**
 * `POST /api/0/integrations/slack/interactive/`: Slack's interactivity request URL. Verifies the signature
 * over the raw form body, acknowledges at once (Slack wants an answer within 3 s) and answers the Know
 * More click in the alert's thread in the background.
 */
export function slackInteractiveRoutes(context: AlertingContext): AnyRouteSpec[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/api/0/integrations/slack/interactive/',
      summary: "Slack interactivity: the alert's Know More button (signed with the app's signing secret)",
      tags: ['alerts'],
      auth: false,
      handler: async ({ request, reply }) => {
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.from(String(request.body ?? ''));
        const signer = await signedBy(
          context,
          raw,
          header(request.headers['x-slack-request-timestamp']),
          header(request.headers['x-slack-signature']),
        );
        if (signer === null) throw new AppError('unauthenticated', 'Invalid Slack request signature.');
        const parsed = parseSlackInteraction(raw.toString('utf8'));
        if (parsed.ok) {
          void answerKnowMore(context, signer.channel, signer.config, parsed.interaction).catch(
            (error: unknown) => context.log(`alerts: Know More failed: ${(error as Error).message}`),
          );
        }
        return reply.code(200).type('text/plain').send('');
      },
    }),
  ];
}
