import { describe, expect, it } from 'vitest';
import type { Issue } from '../issues/issue.ts';
import { summarizeAlertMessage } from './alert-delivery.ts';
import { toAlertIssueSummary } from './to-alert-issue-summary.ts';

const issue: Issue = {
  id: 42,
  projectId: 1,
  shortId: 7,
  primaryHash: 'h',
  title: 'TypeError: x is undefined',
  culprit: 'cart in total',
  type: 'error',
  level: 'error',
  platform: 'javascript',
  metadata: { filename: 'src/cart.ts', function: 'total' },
  status: 'unresolved',
  substatus: 'new',
  statusDetails: {},
  severity: 'annoying',
  errorClass: 'javascript',
  severityOverride: 'blocking',
  errorClassOverride: null,
  firstSeen: new Date('2026-01-01T00:00:00Z'),
  lastSeen: new Date('2026-01-01T01:00:00Z'),
  timesSeen: 9,
  userCount: 4,
  firstRelease: '1.0',
  lastRelease: '1.1',
  resolvedAt: null,
};

describe('toAlertIssueSummary', () => {
  it('applies overrides, builds the short id, location and dashboard link', () => {
    const summary = toAlertIssueSummary(
      issue,
      { id: 1, slug: 'shop', name: 'Shop' },
      {
        baseUrl: 'https://fixloop.example.com/',
        environment: 'production',
        level: 'fatal',
        eventId: 'e'.repeat(32),
      },
    );
    expect(summary).toMatchObject({
      shortId: 'SHOP-7',
      severity: 'blocking',
      errorClass: 'javascript',
      level: 'fatal',
      environment: 'production',
      release: '1.1',
      count: 9,
      userCount: 4,
      location: 'src/cart.ts in total',
      stackExcerpt: null,
      url: 'https://fixloop.example.com/issues/42',
    });
    const noFile = toAlertIssueSummary(
      { ...issue, metadata: {} },
      { id: 1, slug: 'shop', name: 'Shop' },
      { baseUrl: 'x' },
    );
    expect(noFile.location).toBe('cart in total');
  });

  it('summarizes messages for the delivery log', () => {
    const summary = toAlertIssueSummary(
      issue,
      { id: 1, slug: 'shop', name: 'Shop' },
      { baseUrl: 'https://x' },
    );
    const base = {
      ruleId: null,
      ruleName: null,
      pipeline: null,
      spike: null,
      dashboardUrl: 'https://x',
      createdAt: new Date(0),
    };
    expect(summarizeAlertMessage({ ...base, kind: 'new_issue', issue: summary, digest: null })).toBe(
      'new_issue: SHOP-7 TypeError: x is undefined',
    );
    const digest = { reason: 'burst' as const, items: [], windowStart: new Date(0), windowEnd: new Date(0) };
    expect(summarizeAlertMessage({ ...base, kind: 'digest', issue: null, digest })).toBe(
      'digest (burst): 0 alerts',
    );
    expect(summarizeAlertMessage({ ...base, kind: 'test', issue: null, digest: null })).toBe('test');
  });
});
