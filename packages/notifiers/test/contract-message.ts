import type { AlertIssueSummary, AlertMessage } from '@fixloop/core';

export const PII_EMAIL = 'jane.doe@example.com';
export const PII_IP = '203.0.113.77';

/** 60 frames, far over the 500-character limit. */
export const LONG_STACK = Array.from(
  { length: 60 },
  (_, i) => `at frame${i} (src/module${i}.ts:${i + 1}:7)`,
).join('\n');

export function contractIssue(overrides: Partial<AlertIssueSummary> = {}): AlertIssueSummary {
  return {
    id: 42,
    shortId: 'SHOP-7',
    title: `Payment failed for ${PII_EMAIL}`,
    culprit: `checkout from ${PII_IP}`,
    level: 'error',
    severity: 'blocking',
    errorClass: 'api',
    project: { id: 3, slug: 'shop', name: 'Shop' },
    environment: 'production',
    release: '2.1.0',
    count: 12,
    userCount: 5,
    firstSeen: new Date('2026-01-01T10:00:00Z'),
    lastSeen: new Date('2026-01-01T11:00:00Z'),
    location: 'src/checkout.ts:88',
    stackExcerpt: LONG_STACK,
    eventId: 'b'.repeat(32),
    url: 'https://fixloop.example.com/issues/42',
    ...overrides,
  };
}

export function contractMessage(overrides: Partial<AlertMessage> = {}): AlertMessage {
  return {
    kind: 'new_issue',
    ruleId: 'rule-1',
    ruleName: 'New blocking issue',
    issue: contractIssue(),
    pipeline: null,
    spike: null,
    digest: null,
    dashboardUrl: 'https://fixloop.example.com',
    createdAt: new Date('2026-01-01T11:00:05Z'),
    ...overrides,
  };
}

/** A digest and a test message: the two kinds without one issue, which every channel must also format. */
export function issuelessMessages(): AlertMessage[] {
  return [
    contractMessage({
      kind: 'digest',
      issue: null,
      ruleId: null,
      ruleName: null,
      digest: {
        reason: 'burst',
        windowStart: new Date('2026-01-01T10:30:00Z'),
        windowEnd: new Date('2026-01-01T11:00:00Z'),
        items: [
          {
            kind: 'new_issue',
            ruleId: 'rule-1',
            issueId: 43,
            shortId: 'SHOP-8',
            title: `Timeout for ${PII_EMAIL}`,
            severity: 'annoying',
            url: 'https://fixloop.example.com/issues/43',
            at: '2026-01-01T10:40:00.000Z',
          },
        ],
      },
    }),
    contractMessage({ kind: 'test', issue: null, ruleId: null, ruleName: null }),
  ];
}

/** The stack frames that made it into a delivered text, and how many characters they take together. */
export function deliveredStack(text: string): { frames: number[]; chars: number } {
  const lines = [...text.matchAll(/at frame(\d+) \(src\/module\d+\.ts:\d+:7\)/g)];
  const frames = [...new Set(lines.map((m) => Number(m[1])))];
  const chars = frames.reduce((sum, i) => sum + `at frame${i} (src/module${i}.ts:${i + 1}:7)`.length + 1, 0);
  return { frames, chars };
}
