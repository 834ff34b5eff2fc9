import {
  sanitizeAlertMessage,
  type AlertMessage,
  type DeliveryResult,
  type DeliveryTarget,
  type Notifier,
} from '@fixloop/core';
import { httpFailure } from '../http/http-failure.ts';
import { sendProviderRequest } from '../http/provider-request.ts';
import {
  resolveNotifierOptions,
  type NotifierOptions,
  type ResolvedNotifierOptions,
} from '../notifier-options.ts';
import type { SlackChannelConfig } from '../registry/channel-config-schemas.ts';
import { buildSlackMessage } from './slack-message.ts';

/** Web API errors that are Slack's trouble, not ours: worth another try. */
const RETRYABLE_API_ERRORS = new Set([
  'ratelimited',
  'rate_limited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
]);

interface PostMessageAnswer {
  ok?: boolean;
  ts?: string;
  error?: string;
}

/**
 * Slack through a bot token (chat.postMessage: threads, message ts for later replies) or, without one,
 * an incoming webhook. The bot is preferred when both are configured.
 */
export class SlackNotifier implements Notifier {
  readonly channel = 'slack' as const;
  private readonly options: ResolvedNotifierOptions;

  constructor(
    private readonly config: SlackChannelConfig,
    options: NotifierOptions = {},
  ) {
    this.options = resolveNotifierOptions(options);
  }

  async send(message: AlertMessage, target: DeliveryTarget): Promise<DeliveryResult> {
    const payload = buildSlackMessage(sanitizeAlertMessage(message));
    if (this.config.botToken) return this.postMessage(this.config.botToken, payload, target);
    return this.postWebhook(this.config.webhookUrl ?? '', payload);
  }

  private async postMessage(token: string, payload: object, target: DeliveryTarget): Promise<DeliveryResult> {
    const body = {
      channel: target.recipients?.[0] ?? this.config.channel,
      ...payload,
      ...(target.threadId ? { thread_ts: target.threadId } : {}),
      unfurl_links: false,
      unfurl_media: false,
    };
    const response = await sendProviderRequest(
      {
        url: `${this.config.apiBaseUrl.replace(/\/+$/, '')}/chat.postMessage`,
        headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      },
      this.options,
    );
    if (!response.ok) return response.failure;
    const now = this.options.clock.now();
    if (response.status < 200 || response.status > 299) {
      return httpFailure(response.status, response.text, response.headers.get('retry-after'), now);
    }
    let answer: PostMessageAnswer;
    try {
      answer = JSON.parse(response.text) as PostMessageAnswer;
    } catch {
      return { ok: false, retryable: true, error: 'Slack answered with something that is not JSON' };
    }
    if (answer.ok === true) return answer.ts ? { ok: true, providerMessageId: answer.ts } : { ok: true };
    const error = answer.error ?? 'unknown_error';
    return { ok: false, retryable: RETRYABLE_API_ERRORS.has(error), error: `Slack API error: ${error}` };
  }

  private async postWebhook(url: string, payload: object): Promise<DeliveryResult> {
    const response = await sendProviderRequest(
      { url, headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) },
      this.options,
    );
    if (!response.ok) return response.failure;
    if (response.status >= 200 && response.status <= 299) return { ok: true };
    return httpFailure(
      response.status,
      response.text,
      response.headers.get('retry-after'),
      this.options.clock.now(),
    );
  }
}
