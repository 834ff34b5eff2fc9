import { AppError } from '@fixloop/core';
import { parseSlackInteraction } from '@fixloop/notifiers';
import { defineRoute } from '../../api/api-route.ts';
import type { AnyRouteSpec } from '../../api/api-route.ts';
import type { AlertingContext } from '../alerting-context.ts';
import { answerKnowMore } from './answer-know-more.ts';
import { slackRequestSigner } from './slack-request-signer.ts';

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
        const signer = await slackRequestSigner(context, raw, request.headers);
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
