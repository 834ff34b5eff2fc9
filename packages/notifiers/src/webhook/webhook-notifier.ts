import { randomUUID } from 'node:crypto';
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
import type { WebhookChannelConfig } from '../registry/channel-config-schemas.ts';
import { buildSlackMessage } from '../slack/slack-message.ts';
import { buildSentryWebhookPayload } from './sentry-webhook-payload.ts';
import { signWebhookBody } from './sign-webhook-body.ts';

/**
 * A generic outgoing webhook: Sentry integration-platform payloads (signed like Sentry signs them), or
 * Slack-style `{text, blocks}` for chat tools that accept Slack webhooks. The Request-ID is returned as the
 * provider message id so a receiver's logs can be matched with the delivery log.
 */
export class WebhookNotifier implements Notifier {
  readonly channel = 'webhook' as const;
  private readonly options: ResolvedNotifierOptions;

  constructor(
    private readonly config: WebhookChannelConfig,
    options: NotifierOptions = {},
  ) {
    this.options = resolveNotifierOptions(options);
  }

  async send(message: AlertMessage, _target: DeliveryTarget): Promise<DeliveryResult> {
    const clean = sanitizeAlertMessage(message);
    const sentry = buildSentryWebhookPayload(clean, this.config.installationUuid);
    const body = JSON.stringify(this.config.format === 'slack' ? buildSlackMessage(clean) : sentry.body);
    const requestId = randomUUID();
    const now = this.options.clock.now();
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'fixloop-webhooks/1',
      'request-id': requestId,
      'sentry-hook-resource': sentry.resource,
      'sentry-hook-timestamp': String(Math.floor(now.getTime() / 1000)),
    };
    if (this.config.secret) headers['sentry-hook-signature'] = signWebhookBody(this.config.secret, body);
    const response = await sendProviderRequest({ url: this.config.url, headers, body }, this.options);
    if (!response.ok) return response.failure;
    if (response.status >= 200 && response.status <= 299) return { ok: true, providerMessageId: requestId };
    return httpFailure(
      response.status,
      response.text,
      response.headers.get('retry-after'),
      this.options.clock.now(),
    );
  }
}
