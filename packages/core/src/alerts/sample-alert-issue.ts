import type { AlertIssueSummary } from './alert-message.ts';

/** A realistic issue for alert tests; override what a test is about. */
export function sampleAlertIssue(overrides: Partial<AlertIssueSummary> = {}): AlertIssueSummary {
  return {
    id: 42,
    shortId: 'SHOP-7',
    title: "TypeError: Cannot read properties of undefined (reading 'total')",
    culprit: 'checkout/cart in computeTotal',
    level: 'error',
    severity: 'blocking',
    errorClass: 'javascript',
    project: { id: 1, slug: 'shop', name: 'Shop' },
    environment: 'production',
    release: '2.1.0',
    count: 12,
    userCount: 5,
    firstSeen: new Date('2026-01-01T10:00:00Z'),
    lastSeen: new Date('2026-01-01T11:00:00Z'),
    location: 'src/cart.ts:17',
    stackExcerpt: 'at computeTotal (src/cart.ts:17:9)\nat checkout (src/checkout.ts:3:1)',
    eventId: 'a'.repeat(32),
    url: 'https://fixloop.example.com/issues/42',
    ...overrides,
  };
}
