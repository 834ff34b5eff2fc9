import type { DeliveryResult } from '@fixloop/core';
import { httpFailure } from '../http/http-failure.ts';
import { sendProviderRequest } from '../http/provider-request.ts';
import type { ResolvedNotifierOptions } from '../notifier-options.ts';

interface BotApiAnswer {
  ok?: boolean;
  result?: unknown;
  description?: string;
  parameters?: { retry_after?: number };
}

export type BotApiResult = { ok: true; result: unknown } | Extract<DeliveryResult, { ok: false }>;

/** The few Telegram Bot API methods Fixloop uses, with the Bot API's own error format mapped to results. */
export class TelegramBotApi {
  constructor(
    private readonly apiBaseUrl: string,
    private readonly botToken: string,
    private readonly options: ResolvedNotifierOptions,
  ) {}

  async call(method: string, params: Record<string, unknown>): Promise<BotApiResult> {
    const response = await sendProviderRequest(
      {
        url: `${this.apiBaseUrl.replace(/\/+$/, '')}/bot${this.botToken}/${method}`,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(params),
      },
      this.options,
    );
    if (!response.ok) return response.failure;
    let answer: BotApiAnswer = {};
    try {
      answer = JSON.parse(response.text) as BotApiAnswer;
    } catch {
      // An HTML error page from a proxy: judged by status alone below.
    }
    if (response.status >= 200 && response.status <= 299 && answer.ok === true) {
      return { ok: true, result: answer.result };
    }
    // Telegram says how long to wait in the body; a Retry-After header is a fallback.
    const retryAfter = answer.parameters?.retry_after ?? response.headers.get('retry-after');
    const status = response.status >= 200 && response.status <= 299 ? 502 : response.status;
    return httpFailure(status, answer.description ?? '', retryAfter, this.options.clock.now());
  }

  /** Long polling for bot commands when no public webhook URL is available. */
  getUpdates(offset: number, timeoutSeconds: number): Promise<BotApiResult> {
    return this.call('getUpdates', { offset, timeout: timeoutSeconds, allowed_updates: ['message'] });
  }
}
