import { randomUUID } from 'node:crypto';
import { ADMIN, ORG } from '../../apps/web/test/e2e/start-dashboard-fixloop.ts';
import type { DashboardFixloop } from '../../apps/web/test/e2e/start-dashboard-fixloop.ts';

const TYPES = ['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'FetchError'];
const LEVELS = ['error', 'error', 'error', 'warning', 'fatal'];
const CONCURRENCY = 16;

/** A Sentry event that groups on its own (a distinct fingerprint), shaped like a small SDK event. */
function event(i: number): Record<string, unknown> {
  return {
    event_id: randomUUID().replaceAll('-', ''),
    timestamp: Date.now() / 1000 - (i % 3600),
    platform: 'node',
    level: LEVELS[i % LEVELS.length],
    environment: i % 2 === 0 ? 'production' : 'staging',
    release: `shop@1.${i % 20}.0`,
    fingerprint: [`bench-${i}`],
    user: { email: `user${i % 500}@example.com` },
    exception: {
      values: [
        {
          type: TYPES[i % TYPES.length],
          value: `bench failure number ${i} in checkout step ${i % 7}`,
          stacktrace: {
            frames: [
              { filename: 'node:internal/process', function: 'processTicks', in_app: false, lineno: 1 },
              {
                filename: `/app/src/module-${i % 50}.js`,
                function: `handler${i % 13}`,
                in_app: true,
                lineno: 10 + (i % 90),
              },
            ],
          },
        },
      ],
    },
  };
}

/**
 * Sends `count` events that each open a new issue through the real store endpoint, then waits until the
 * issue list reports them all (X-Hits), so the dashboard is measured against a settled database.
 */
export async function seedIssues(
  t: DashboardFixloop,
  count: number,
): Promise<{ issues: number; ms: number }> {
  const dsn = new URL(t.fixloop.dsn);
  const url = `${t.fixloop.url}/api/${t.projectId}/store/?sentry_key=${dsn.username}`;
  const started = performance.now();
  let next = 0;
  const send = async () => {
    for (let i = next++; i < count; i = next++) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(event(i)),
      });
      if (!response.ok) throw new Error(`store answered ${response.status}: ${await response.text()}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, send));
  const deadline = Date.now() + 120_000;
  for (;;) {
    const hits = await issueCount(t);
    if (hits >= count) return { issues: hits, ms: performance.now() - started };
    if (Date.now() > deadline) throw new Error(`only ${hits} of ${count} issues were stored after 120 s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function issueCount(t: DashboardFixloop): Promise<number> {
  const response = await fetch(
    `${t.fixloop.url}/api/0/organizations/${ORG}/issues/?query=&limit=1&statsPeriod=`,
    {
      headers: { Authorization: `Bearer ${ADMIN.token}` },
    },
  );
  if (!response.ok) throw new Error(`issue list answered ${response.status}: ${await response.text()}`);
  return Number(response.headers.get('x-hits') ?? 0);
}
