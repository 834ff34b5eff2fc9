import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackNotifier } from '../src/index.ts';
import { contractMessage } from './contract-message.ts';
import { FakeProviderServer, json, type ReplyFor } from './fake-provider-server.ts';
import { describeNotifierContract } from './notifier-contract.ts';

const TOKEN = 'xoxb-test-0000-token';

/** The Slack Web API: HTTP 200 with `{ok:true, channel, ts}`, or `{ok:false, error}` (also with HTTP 200). */
const slackWebApi: ReplyFor = (mode, request) => {
  if (mode === 'rate_limited') return json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '30' });
  if (mode === 'server_error') return json(500, { ok: false, error: 'fatal_error' });
  if (mode === 'bad_request') return json(200, { ok: false, error: 'invalid_blocks' });
  const body = JSON.parse(request.body) as { channel: string; thread_ts?: string };
  const ts = body.thread_ts ? '1767265300.000200' : '1767265205.000100';
  return json(200, { ok: true, channel: body.channel, ts, message: { type: 'message', ts } });
};

const bot = (fake: FakeProviderServer, timeoutMs = 2000) =>
  new SlackNotifier(
    { kind: 'slack', botToken: TOKEN, channel: 'C0ALERTS', apiBaseUrl: `${fake.baseUrl}/api` },
    { timeoutMs, allowPrivateNetworks: true },
  );

describeNotifierContract({
  name: 'Slack bot (chat.postMessage)',
  startFake: () => FakeProviderServer.start(slackWebApi),
  createNotifier: (fake, { timeoutMs }) => ({ notifier: bot(fake, timeoutMs), target: {} }),
  assertRequest: (delivery) => {
    expect(delivery.method).toBe('POST');
    expect(delivery.path).toBe('/api/chat.postMessage');
    expect(delivery.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(delivery.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = JSON.parse(delivery.body);
    expect(body).toMatchObject({ channel: 'C0ALERTS', text: '🔴 New issue: Payment failed for [email]' });
    expect(body.unfurl_links).toBe(false);
    expect(body.thread_ts).toBeUndefined();
    expect(body.blocks.some((b: { type: string }) => b.type === 'actions')).toBe(true);
  },
  visibleText: (delivery) => JSON.stringify(JSON.parse(delivery.body)).replace(/\\n/g, '\n'),
  expectedMessageId: () => '1767265205.000100',
  rateLimitRetryAfterMs: 30_000,
});

describe('SlackNotifier with a bot token', () => {
  let fake: FakeProviderServer;
  beforeAll(async () => {
    fake = await FakeProviderServer.start(slackWebApi);
  });
  afterAll(() => fake.close());

  it('replies in the thread and to the channel given by the target, with pipeline details', async () => {
    fake.reset();
    const message = contractMessage({
      kind: 'fix_committed',
      pipeline: {
        rootCause: 'cart.total is read before the cart loads',
        relatedFiles: ['src/checkout.ts'],
        fixStatus: 'committed',
        commitSha: '4f2a9c0e1d5b7a3c9e8f0a1b2c3d4e5f6a7b8c9d',
        fixUrl: null,
      },
    });
    const result = await bot(fake).send(message, { recipients: ['C0OTHER'], threadId: '1767265205.000100' });
    expect(result).toEqual({ ok: true, providerMessageId: '1767265300.000200' });
    const body = JSON.parse(fake.requests[0]?.body ?? '{}');
    expect(body).toMatchObject({ channel: 'C0OTHER', thread_ts: '1767265205.000100' });
    const text = JSON.stringify(body.blocks);
    expect(text).toContain('*Root cause*: cart.total is read before the cart loads');
    expect(text).toContain('`src/checkout.ts`');
    expect(text).toContain('committed (commit 4f2a9c0e1d5b)');
  });

  it('treats Slack-side API errors as retryable and configuration errors as final', async () => {
    const answers = [
      ['internal_error', true],
      ['channel_not_found', false],
      ['invalid_auth', false],
    ] as const;
    for (const [error, retryable] of answers) {
      const one = await FakeProviderServer.start(() => json(200, { ok: false, error }));
      const result = await bot(one).send(contractMessage(), {});
      await one.close();
      expect(result).toEqual({ ok: false, retryable, error: `Slack API error: ${error}` });
    }
  });
});
