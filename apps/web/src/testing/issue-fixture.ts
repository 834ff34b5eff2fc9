import type { Issue } from '../api/types.ts';

export function issueFixture(n: number, patch: Partial<Issue> = {}): Issue {
  return {
    id: String(n),
    shortId: `SHOP-${n}`,
    title: `TypeError: failure ${n}`,
    culprit: `pay(app/checkout${n})`,
    level: 'error',
    status: 'unresolved',
    substatus: 'ongoing',
    statusDetails: {},
    project: { id: '1', slug: 'shop', name: 'Shop' },
    metadata: { type: 'TypeError', value: `failure ${n}` },
    assignedTo: null,
    count: String(10 * n),
    userCount: n,
    firstSeen: '2026-01-01T00:00:00Z',
    lastSeen: new Date().toISOString(),
    stats: { '24h': [[1_700_000_000, n]] },
    severity: 'blocking',
    errorClass: 'javascript',
    ...patch,
  };
}
