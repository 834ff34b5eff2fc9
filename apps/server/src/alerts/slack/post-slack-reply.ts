import { checkOutgoingUrl } from '@fixloop/notifiers';
import type { SlackChannelConfig } from '@fixloop/notifiers';
import type { DeliveryResult } from '@fixloop/core';
import type { SlackReply } from './know-more-reply.ts';

const TIMEOUT_MS = 10_000;

/**
 * Posts a reply into a Slack thread: chat.postMessage with `thread_ts` through the bot token, or, for a
 * webhook-only channel, the interaction's `response_url` (valid 30 minutes). Same SSRF policy as the alerts.
 */
export async function postSlackReply(
  config: SlackChannelConfig,
  allowPrivateNetworks: boolean,
  where: { channel: string; threadTs: string; responseUrl: string | null },
  reply: SlackReply,
  fetchImpl: typeof fetch = fetch,
): Promise<DeliveryResult> {
  const useBot = config.botToken !== undefined;
  const url = useBot ? `${config.apiBaseUrl.replace(/\/+$/, '')}/chat.postMessage` : where.responseUrl;
  if (url === null)
    return { ok: false, retryable: false, error: 'no bot token and no response_url to reply with' };
  const allowed = await checkOutgoingUrl(url, { allowPrivate: allowPrivateNetworks });
  if (!allowed.ok) return { ok: false, retryable: false, error: `outgoing URL refused: ${allowed.reason}` };
  const body = useBot
    ? {
        channel: where.channel,
        thread_ts: where.threadTs,
        ...reply,
        unfurl_links: false,
        unfurl_media: false,
      }
    : { ...reply, response_type: 'in_channel', replace_original: false, thread_ts: where.threadTs };
  try {
    const response = await fetchImpl(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        ...(useBot ? { authorization: `Bearer ${config.botToken}` } : {}),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text();
    if (!response.ok)
      return {
        ok: false,
        retryable: response.status >= 500 || response.status === 429,
        error: `Slack answered ${response.status}`,
      };
    if (!useBot) return { ok: true };
    const answer = JSON.parse(text) as { ok?: boolean; ts?: string; error?: string };
    if (answer.ok !== true)
      return { ok: false, retryable: false, error: `Slack API error: ${answer.error ?? 'unknown_error'}` };
    return answer.ts ? { ok: true, providerMessageId: answer.ts } : { ok: true };
  } catch (error) {
    return { ok: false, retryable: true, error: `Slack request failed: ${(error as Error).message}` };
  }
}
