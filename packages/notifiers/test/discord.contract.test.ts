import { expect } from 'vitest';
import { DiscordNotifier } from '../src/index.ts';
import { FakeProviderServer, json } from './fake-provider-server.ts';
import { describeNotifierContract } from './notifier-contract.ts';

const HOOK = '/api/webhooks/1234567890/webhook-token_ABC';

/** Discord webhooks: 200 with the message when `?wait=true`, else 204; JSON errors with `retry_after` on 429. */
describeNotifierContract({
  name: 'Discord webhook',
  startFake: () =>
    FakeProviderServer.start((mode, request) => {
      if (mode === 'rate_limited') {
        return json(
          429,
          { message: 'You are being rate limited.', retry_after: 1.5, global: false },
          { 'retry-after': '2' },
        );
      }
      if (mode === 'server_error') return json(500, { message: '500: Internal Server Error', code: 0 });
      if (mode === 'bad_request') return json(400, { message: 'Invalid Form Body', code: 50035 });
      if (!request.path.includes('wait=true')) return { status: 204 };
      return json(200, { id: '1187654321098765432', type: 0, channel_id: '1100', webhook_id: '1234567890' });
    }),
  createNotifier: (fake, { timeoutMs }) => ({
    notifier: new DiscordNotifier(
      { kind: 'discord', webhookUrl: `${fake.baseUrl}${HOOK}`, username: 'Fixloop' },
      { timeoutMs, allowPrivateNetworks: true },
    ),
    target: {},
  }),
  assertRequest: (delivery) => {
    expect(delivery.method).toBe('POST');
    expect(delivery.path).toBe(`${HOOK}?wait=true`);
    expect(delivery.headers['content-type']).toBe('application/json');
    const body = JSON.parse(delivery.body);
    expect(body.username).toBe('Fixloop');
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds).toHaveLength(1);
    const [embed] = body.embeds;
    expect(embed).toMatchObject({
      title: '🔴 New issue: Payment failed for [email]',
      url: 'https://fixloop.example.com/issues/42',
      color: 0xd92d20,
      timestamp: '2026-01-01T11:00:05.000Z',
      footer: { text: 'Fixloop · New blocking issue' },
    });
    expect(embed.fields.slice(0, 3)).toEqual([
      { name: 'Severity', value: 'blocking (error)', inline: true },
      { name: 'Events', value: '12', inline: true },
      { name: 'Users', value: '5', inline: true },
    ]);
    expect(embed.description.startsWith('```\nat frame0 ')).toBe(true);
  },
  visibleText: (delivery) => JSON.stringify(JSON.parse(delivery.body)).replace(/\\n/g, '\n'),
  expectedMessageId: () => '1187654321098765432',
  rateLimitRetryAfterMs: 1500,
});
