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
import type { PagerDutyChannelConfig } from '../registry/channel-config-schemas.ts';
import { buildPagerDutyEvent } from './pagerduty-event.ts';

/** PagerDuty Events API v2. The dedup key is the provider message id: it names the incident. */
export class PagerDutyNotifier implements Notifier {
  readonly channel = 'pagerduty' as const;
  private readonly options: ResolvedNotifierOptions;

  constructor(
    private readonly config: PagerDutyChannelConfig,
    options: NotifierOptions = {},
  ) {
    this.options = resolveNotifierOptions(options);
  }

  async send(message: AlertMessage, _target: DeliveryTarget): Promise<DeliveryResult> {
    const event = buildPagerDutyEvent(sanitizeAlertMessage(message), this.config.routingKey);
    const response = await sendProviderRequest(
      {
        url: `${this.config.apiBaseUrl.replace(/\/+$/, '')}/v2/enqueue`,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(event),
      },
      this.options,
    );
    if (!response.ok) return response.failure;
    let answer: { status?: unknown; message?: unknown; dedup_key?: unknown; errors?: unknown } = {};
    try {
      answer = JSON.parse(response.text) as typeof answer;
    } catch {
      // PagerDuty's 5xx pages are not always JSON.
    }
    if (response.status >= 200 && response.status <= 299) {
      const key = typeof answer.dedup_key === 'string' ? answer.dedup_key : String(event.dedup_key);
      return { ok: true, providerMessageId: key };
    }
    const detail = [answer.message, ...(Array.isArray(answer.errors) ? answer.errors : [])]
      .filter(Boolean)
      .join('; ');
    return httpFailure(
      response.status,
      detail || response.text,
      response.headers.get('retry-after'),
      this.options.clock.now(),
    );
  }
}
