import type { AlertMessage } from '@fixloop/core';
import { describe, expect, it } from 'vitest';
import { buildSentryWebhookPayload } from './sentry-webhook-payload.ts';

const message: AlertMessage = {
  kind: 'critical_event',
  ruleId: 'r9',
  ruleName: 'Critical events',
  issue: {
    id: 42,
    shortId: 'SHOP-7',
    title: 'Boom',
    culprit: 'cart',
    level: 'fatal',
    severity: 'blocking',
    errorClass: 'crash',
    project: { id: 3, slug: 'shop', name: 'Shop' },
    environment: 'production',
    release: '2.1.0',
    count: 3,
    userCount: 1,
    firstSeen: new Date('2026-01-01T10:00:00Z'),
    lastSeen: new Date('2026-01-01T11:00:00Z'),
    location: null,
    stackExcerpt: null,
    eventId: 'c'.repeat(32),
    url: 'https://fixloop.example.com/issues/42',
  },
  pipeline: null,
  spike: null,
  digest: null,
  dashboardUrl: 'https://fixloop.example.com/',
  createdAt: new Date('2026-01-01T11:00:00Z'),
};

describe('buildSentryWebhookPayload', () => {
  it('sends alerts other than new issues as a triggered event_alert naming the rule', () => {
    const { resource, body } = buildSentryWebhookPayload(message, 'inst-1');
    expect(resource).toBe('event_alert');
    expect(body).toMatchObject({
      action: 'triggered',
      installation: { uuid: 'inst-1' },
      data: {
        triggered_rule: 'Critical events',
        issue_alert: { title: 'Critical events', settings: [] },
        event: {
          event_id: 'c'.repeat(32),
          issue_id: '42',
          level: 'fatal',
          tags: [
            ['level', 'fatal'],
            ['environment', 'production'],
            ['release', '2.1.0'],
          ],
          web_url: 'https://fixloop.example.com/issues/42',
          issue_url: 'https://fixloop.example.com/api/0/issues/42/',
          url: `https://fixloop.example.com/api/0/issues/42/events/${'c'.repeat(32)}/`,
        },
        fixloop: { kind: 'critical_event', severity: 'blocking', errorClass: 'crash' },
      },
    });
  });

  it('sends a resolve as the issue resource with action resolved', () => {
    const { resource, body } = buildSentryWebhookPayload({ ...message, kind: 'resolved' }, 'inst-1');
    expect(resource).toBe('issue');
    expect(body).toMatchObject({ action: 'resolved', data: { issue: { id: '42', status: 'resolved' } } });
  });
});
