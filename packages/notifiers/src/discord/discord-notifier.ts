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
import type { DiscordChannelConfig } from '../registry/channel-config-schemas.ts';
import { buildDiscordPayload } from './discord-payload.ts';

/** Discord through a channel webhook. `?wait=true` makes Discord return the message, so its id is logged. */
export class DiscordNotifier implements Notifier {
  readonly channel = 'discord' as const;
  private readonly options: ResolvedNotifierOptions;

  constructor(
    private readonly config: DiscordChannelConfig,
    options: NotifierOptions = {},
  ) {
    this.options = resolveNotifierOptions(options);
  }

  async send(message: AlertMessage, target: DeliveryTarget): Promise<DeliveryResult> {
    const url = new URL(this.config.webhookUrl);
    url.searchParams.set('wait', 'true');
    if (target.threadId) url.searchParams.set('thread_id', target.threadId);
    const body = buildDiscordPayload(sanitizeAlertMessage(message), this.config.username);
    const response = await sendProviderRequest(
      { url: url.toString(), headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
      this.options,
    );
    if (!response.ok) return response.failure;
    if (response.status === 204) return { ok: true };
    let answer: { id?: unknown; message?: unknown; retry_after?: unknown } = {};
    try {
      answer = JSON.parse(response.text) as typeof answer;
    } catch {
      // Not JSON (a proxy's error page): judged by status alone.
    }
    if (response.status >= 200 && response.status <= 299) {
      return typeof answer.id === 'string' ? { ok: true, providerMessageId: answer.id } : { ok: true };
    }
    // Discord's body has the precise (fractional) delay; the header is rounded up.
    const retryAfter =
      typeof answer.retry_after === 'number' ? answer.retry_after : response.headers.get('retry-after');
    const detail = typeof answer.message === 'string' ? answer.message : response.text;
    return httpFailure(response.status, detail, retryAfter, this.options.clock.now());
  }
}
