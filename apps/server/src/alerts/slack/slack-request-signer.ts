import type { AlertChannel } from '@fixloop/core';
import { verifySlackSignature } from '@fixloop/notifiers';
import type { SlackChannelConfig } from '@fixloop/notifiers';
import type { AlertingContext } from '../alerting-context.ts';
import { createChannelNotifier } from '../channel-notifier.ts';

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The Slack channel whose signing secret signed this request (each workspace has its own app), or null.
 * Checks the `X-Slack-Signature` HMAC over the raw body and the timestamp's age (five minutes).
 */
export async function slackRequestSigner(
  context: AlertingContext,
  raw: Buffer,
  headers: Record<string, string | string[] | undefined>,
): Promise<{ channel: AlertChannel; config: SlackChannelConfig } | null> {
  const timestamp = header(headers['x-slack-request-timestamp']);
  const signature = header(headers['x-slack-signature']);
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
