import { expect } from 'vitest';
import { TelegramNotifier } from '../src/index.ts';
import { FakeProviderServer, json } from './fake-provider-server.ts';
import { describeNotifierContract } from './notifier-contract.ts';

const TOKEN = '123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-bw';

const decodeHtml = (html: string) =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The Bot API: `{ok:true, result}` or `{ok:false, error_code, description, parameters}` with the same status. */
describeNotifierContract({
  name: 'Telegram Bot API',
  startFake: () =>
    FakeProviderServer.start((mode, request) => {
      if (mode === 'rate_limited') {
        return json(429, {
          ok: false,
          error_code: 429,
          description: 'Too Many Requests: retry after 5',
          parameters: { retry_after: 5 },
        });
      }
      if (mode === 'server_error') {
        return json(500, { ok: false, error_code: 500, description: 'Internal Server Error' });
      }
      if (mode === 'bad_request') {
        return json(400, { ok: false, error_code: 400, description: "Bad Request: can't parse entities" });
      }
      const body = JSON.parse(request.body) as { chat_id: string; text: string };
      return json(200, {
        ok: true,
        result: {
          message_id: 4711,
          date: 1767265205,
          chat: { id: Number(body.chat_id), type: 'group' },
          text: body.text,
        },
      });
    }),
  createNotifier: (fake, { timeoutMs }) => ({
    notifier: new TelegramNotifier(
      {
        kind: 'telegram',
        botToken: TOKEN,
        chatId: '-1001234567890',
        allowedChatIds: [],
        apiBaseUrl: fake.baseUrl,
      },
      { timeoutMs, allowPrivateNetworks: true },
    ),
    target: {},
  }),
  assertRequest: (delivery) => {
    expect(delivery.method).toBe('POST');
    expect(delivery.path).toBe(`/bot${TOKEN}/sendMessage`);
    expect(delivery.headers['content-type']).toBe('application/json');
    const body = JSON.parse(delivery.body);
    expect(body.chat_id).toBe('-1001234567890');
    expect(body.parse_mode).toBe('HTML');
    expect(body.link_preview_options).toEqual({ is_disabled: true });
    expect(body.reply_parameters).toBeUndefined();
    expect(
      body.text.startsWith('<b>🔴 New issue: Payment failed for [email]</b>\nShop · production · 2.1.0\n'),
    ).toBe(true);
    expect(body.text).toContain('Severity: <b>blocking</b> · 12 events · 5 users');
    expect(body.text).toContain('<pre>at frame0 (src/module0.ts:1:7)');
    expect(
      body.text.endsWith('<a href="https://fixloop.example.com/issues/42">Open SHOP-7 in Fixloop</a>'),
    ).toBe(true);
    expect(body.text.length).toBeLessThanOrEqual(4096);
  },
  visibleText: (delivery) => decodeHtml(JSON.parse(delivery.body).text),
  expectedMessageId: () => '4711',
  rateLimitRetryAfterMs: 5000,
});
