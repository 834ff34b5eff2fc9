import { createHmac } from 'node:crypto';
import { fixedClock } from '@fixloop/core';
import { expect } from 'vitest';
import { WebhookNotifier } from '../src/index.ts';
import { FakeProviderServer, type ReplyFor } from './fake-provider-server.ts';
import { describeNotifierContract } from './notifier-contract.ts';

const SECRET = 'whsec-0123456789';
const clock = fixedClock(new Date('2026-01-01T11:00:06Z'));

/** A receiver like any web app: 2xx accepts, Retry-After on 429, 4xx/5xx otherwise. */
const webhookReceiver: ReplyFor = (mode) => {
  if (mode === 'rate_limited') return { status: 429, headers: { 'retry-after': '3' }, body: 'slow down' };
  if (mode === 'server_error') return { status: 503, body: 'unavailable' };
  if (mode === 'bad_request') return { status: 422, body: 'unprocessable' };
  return { status: 202, body: '' };
};

describeNotifierContract({
  name: 'generic webhook (Sentry format, signed)',
  startFake: () => FakeProviderServer.start(webhookReceiver),
  createNotifier: (fake, { timeoutMs }) => ({
    notifier: new WebhookNotifier(
      {
        kind: 'webhook',
        url: `${fake.baseUrl}/hooks/fixloop?team=ops`,
        secret: SECRET,
        format: 'sentry',
        installationUuid: '7a485448-a9e2-4c85-8a3c-4f44175783c9',
      },
      { timeoutMs, allowPrivateNetworks: true, clock },
    ),
    target: {},
  }),
  assertRequest: (delivery) => {
    expect(delivery.method).toBe('POST');
    expect(delivery.path).toBe('/hooks/fixloop?team=ops');
    expect(delivery.headers['content-type']).toBe('application/json');
    expect(delivery.headers['sentry-hook-resource']).toBe('issue');
    expect(delivery.headers['sentry-hook-timestamp']).toBe('1767265206');
    expect(delivery.headers['request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const expected = createHmac('sha256', SECRET).update(delivery.body).digest('hex');
    expect(delivery.headers['sentry-hook-signature']).toBe(expected);
    const body = JSON.parse(delivery.body);
    expect(body.action).toBe('created');
    expect(body.installation).toEqual({ uuid: '7a485448-a9e2-4c85-8a3c-4f44175783c9' });
    expect(body.data.issue).toMatchObject({
      id: '42',
      shortId: 'SHOP-7',
      title: 'Payment failed for [email]',
      level: 'error',
      status: 'unresolved',
      project: { id: '3', slug: 'shop', name: 'Shop' },
      count: '12',
      userCount: 5,
      firstSeen: '2026-01-01T10:00:00.000Z',
      lastSeen: '2026-01-01T11:00:00.000Z',
      permalink: 'https://fixloop.example.com/issues/42',
      web_url: 'https://fixloop.example.com/issues/42',
      url: 'https://fixloop.example.com/api/0/issues/42/',
    });
    expect(body.data.fixloop).toMatchObject({ kind: 'new_issue', severity: 'blocking', errorClass: 'api' });
  },
  visibleText: (delivery) => JSON.stringify(JSON.parse(delivery.body)).replace(/\\n/g, '\n'),
  expectedMessageId: (delivery) => String(delivery.headers['request-id']),
  rateLimitRetryAfterMs: 3000,
});

describeNotifierContract({
  name: 'generic webhook (Slack-compatible format)',
  startFake: () => FakeProviderServer.start(webhookReceiver),
  createNotifier: (fake, { timeoutMs }) => ({
    notifier: new WebhookNotifier(
      { kind: 'webhook', url: `${fake.baseUrl}/hooks/chat`, format: 'slack', installationUuid: 'x' },
      { timeoutMs, allowPrivateNetworks: true, clock },
    ),
    target: {},
  }),
  assertRequest: (delivery) => {
    expect(delivery.method).toBe('POST');
    expect(delivery.path).toBe('/hooks/chat');
    expect(delivery.headers['sentry-hook-signature']).toBeUndefined();
    const body = JSON.parse(delivery.body);
    expect(Object.keys(body).sort()).toEqual(['blocks', 'text']);
    expect(body.text).toBe('🔴 New issue: Payment failed for [email]');
    expect(body.blocks[0].type).toBe('header');
  },
  visibleText: (delivery) => JSON.stringify(JSON.parse(delivery.body)).replace(/\\n/g, '\n'),
  expectedMessageId: (delivery) => String(delivery.headers['request-id']),
  rateLimitRetryAfterMs: 3000,
});
