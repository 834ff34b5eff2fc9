import { expect } from 'vitest';
import { KNOW_MORE_ACTION_ID, SlackNotifier } from '../src/index.ts';
import { FakeProviderServer } from './fake-provider-server.ts';
import { describeNotifierContract } from './notifier-contract.ts';

const HOOK_PATH = '/services/T0001/B0001/abcdefghijklmnopqrstuvwx';

/** Slack incoming webhooks answer plain text: `ok`, or an error code with a 4xx/5xx status. */
describeNotifierContract({
  name: 'Slack incoming webhook',
  startFake: () =>
    FakeProviderServer.start((mode) => {
      const text = { 'content-type': 'text/html' };
      if (mode === 'rate_limited')
        return { status: 429, headers: { ...text, 'retry-after': '7' }, body: 'rate_limited' };
      if (mode === 'server_error') return { status: 500, headers: text, body: 'rollup_error' };
      if (mode === 'bad_request') return { status: 400, headers: text, body: 'invalid_blocks' };
      return { status: 200, headers: text, body: 'ok' };
    }),
  createNotifier: (fake, { timeoutMs }) => ({
    notifier: new SlackNotifier(
      { kind: 'slack', webhookUrl: `${fake.baseUrl}${HOOK_PATH}`, apiBaseUrl: 'https://slack.invalid/api' },
      { timeoutMs, allowPrivateNetworks: true },
    ),
    target: {},
  }),
  assertRequest: (delivery) => {
    expect(delivery.method).toBe('POST');
    expect(delivery.path).toBe(HOOK_PATH);
    expect(delivery.headers['content-type']).toBe('application/json');
    expect(delivery.headers.authorization).toBeUndefined();
    const body = JSON.parse(delivery.body);
    expect(body.text).toBe('🔴 New issue: Payment failed for [email]');
    expect(body.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: '🔴 New issue: Payment failed for [email]', emoji: true },
    });
    const fields = body.blocks[1].fields.map((f: { text: string }) => f.text);
    expect(fields).toEqual([
      '*Severity*\nblocking (error)',
      '*Source*\nShop · production · 2.1.0',
      '*Events*\n12',
      '*Users*\n5',
      '*Location*\nsrc/checkout.ts:88',
      '*Issue*\n<https://fixloop.example.com/issues/42|SHOP-7>',
    ]);
    const actions = body.blocks.find((b: { type: string }) => b.type === 'actions');
    expect(actions.elements[0]).toMatchObject({
      action_id: KNOW_MORE_ACTION_ID,
      value: '42',
      text: { text: 'Know More' },
    });
    expect(actions.elements[1]).toMatchObject({ url: 'https://fixloop.example.com/issues/42' });
    expect(body.thread_ts).toBeUndefined();
  },
  visibleText: (delivery) => JSON.stringify(JSON.parse(delivery.body)).replace(/\\n/g, '\n'),
  expectedMessageId: () => undefined,
  rateLimitRetryAfterMs: 7000,
});
