import { describe, expect, it } from 'vitest';
import { PagerDutyNotifier } from '../src/index.ts';
import { contractMessage } from './contract-message.ts';
import { FakeProviderServer, json } from './fake-provider-server.ts';
import { describeNotifierContract } from './notifier-contract.ts';

const ROUTING_KEY = 'R0UT1NGKEY0000000000000000000000';

/** Events API v2: 202 `{status:"success", dedup_key}`; 400 `{status:"invalid event", errors}`; 429; 5xx. */
describeNotifierContract({
  name: 'PagerDuty Events v2',
  startFake: () =>
    FakeProviderServer.start((mode, request) => {
      if (mode === 'rate_limited')
        return json(
          429,
          { status: 'throttle event', message: 'Requests for this service are arriving too quickly.' },
          { 'retry-after': '4' },
        );
      if (mode === 'server_error') return { status: 500, body: 'Internal Server Error' };
      if (mode === 'bad_request') {
        return json(400, {
          status: 'invalid event',
          message: 'Event object is invalid',
          errors: ['Length of routing_key is incorrect'],
        });
      }
      const body = JSON.parse(request.body) as { dedup_key: string };
      return json(202, { status: 'success', message: 'Event processed', dedup_key: body.dedup_key });
    }),
  createNotifier: (fake, { timeoutMs }) => ({
    notifier: new PagerDutyNotifier(
      { kind: 'pagerduty', routingKey: ROUTING_KEY, apiBaseUrl: fake.baseUrl },
      { timeoutMs, allowPrivateNetworks: true },
    ),
    target: {},
  }),
  assertRequest: (delivery) => {
    expect(delivery.method).toBe('POST');
    expect(delivery.path).toBe('/v2/enqueue');
    expect(delivery.headers['content-type']).toBe('application/json');
    const body = JSON.parse(delivery.body);
    expect(body).toMatchObject({
      routing_key: ROUTING_KEY,
      event_action: 'trigger',
      dedup_key: 'fixloop-issue-42',
      payload: {
        summary: '🔴 New issue: Payment failed for [email]',
        source: 'Shop · production · 2.1.0',
        severity: 'critical',
        timestamp: '2026-01-01T11:00:05.000Z',
        component: 'src/checkout.ts:88',
        group: 'shop',
        class: 'api',
      },
      links: [{ href: 'https://fixloop.example.com/issues/42', text: 'SHOP-7 in Fixloop' }],
      client: 'Fixloop',
      client_url: 'https://fixloop.example.com',
    });
    expect(body.payload.custom_details.issue).toMatchObject({ shortId: 'SHOP-7', events: 12, users: 5 });
  },
  visibleText: (delivery) => JSON.stringify(JSON.parse(delivery.body)).replace(/\\n/g, '\n'),
  expectedMessageId: (delivery) => JSON.parse(delivery.body).dedup_key,
  rateLimitRetryAfterMs: 4000,
});

describe('PagerDutyNotifier resolve', () => {
  it('resolves the incident of the issue with the same dedup key', async () => {
    const fake = await FakeProviderServer.start((_mode, request) =>
      json(202, {
        status: 'success',
        message: 'Event processed',
        dedup_key: JSON.parse(request.body).dedup_key,
      }),
    );
    const notifier = new PagerDutyNotifier(
      { kind: 'pagerduty', routingKey: ROUTING_KEY, apiBaseUrl: fake.baseUrl },
      { allowPrivateNetworks: true },
    );
    const result = await notifier.send(contractMessage({ kind: 'resolved' }), {});
    await fake.close();
    expect(result).toEqual({ ok: true, providerMessageId: 'fixloop-issue-42' });
    expect(JSON.parse(fake.requests[0]?.body ?? '{}')).toEqual({
      routing_key: ROUTING_KEY,
      event_action: 'resolve',
      dedup_key: 'fixloop-issue-42',
    });
  });
});
