import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFixloop, TEST_BACKENDS } from '../../testing/test-fixloop.ts';
import type { TestFixloop } from '../../testing/test-fixloop.ts';
import { createTestUserToken, TestApiClient } from '../../testing/test-api-client.ts';
import { sendTestEvent, testEvent } from '../issues/send-test-event.ts';
import { newEventId } from '../../testing/test-fixloop.ts';

interface StatsV2 {
  start: string;
  end: string;
  intervals: string[];
  groups: {
    by: Record<string, string | number>;
    totals: Record<string, number>;
    series: Record<string, number[]>;
  }[];
}
const sum = (pairs: [number, number][]) => pairs.reduce((a, [, n]) => a + n, 0);

describe.each(TEST_BACKENDS)('stats API (%s)', (backend) => {
  let t: TestFixloop;
  let api: TestApiClient;
  let stranger: TestApiClient;
  let warningIssue: string;
  let errorIssue: string;
  const v2 = '/api/0/organizations/default/stats_v2/';

  beforeAll(async () => {
    t = await startTestFixloop({ backend });
    const storage = t.fixloop.storage;
    api = new TestApiClient(
      t.fixloop.url,
      (await createTestUserToken(storage, { organization: 'default', role: 'admin' })).token,
    );
    await storage.projects.createOrganization({ slug: 'other', name: 'Other' });
    stranger = new TestApiClient(
      t.fixloop.url,
      (await createTestUserToken(storage, { organization: 'other', role: 'owner' })).token,
    );
    await api.put('/api/0/projects/default/default/', {
      settings: { rateLimit: { count: 4, windowSeconds: 3600 } },
    });
    const issueOf = async (eventId: string) =>
      (await api.get<{ groupID: string }>(`/api/0/projects/default/default/events/${eventId}/`)).body.groupID;
    errorIssue = await issueOf(await sendTestEvent(t, { fingerprint: 'errors' }));
    await sendTestEvent(t, { fingerprint: 'errors' });
    await sendTestEvent(t, { fingerprint: 'errors' });
    warningIssue = await issueOf(await sendTestEvent(t, { fingerprint: 'warnings', level: 'warning' }));
    const limited = await fetch(t.url(`/api/${t.projectId}/store/?sentry_key=${t.key}`), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(testEvent(newEventId(), { fingerprint: 'errors' })),
    });
    expect(limited.status).toBe(429);
    // The rejected event is counted in the background, after the 429.
    const deadline = Date.now() + 5_000;
    while (sum((await api.get<[number, number][]>(projectStats('rejected'))).body) < 1) {
      if (Date.now() > deadline) throw new Error('the rate-limited event was never counted');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  afterAll(async () => {
    await t?.stop();
  });

  const projectStats = (stat: string, extra = '') =>
    `/api/0/projects/default/default/stats/?stat=${stat}${extra}`;

  it('answers the legacy project stats as [timestamp, count] pairs', async () => {
    const received = await api.get<[number, number][]>(projectStats('received'));
    expect(received.status).toBe(200);
    expect(sum(received.body)).toBe(5);
    expect(received.body.length).toBeGreaterThanOrEqual(24);
    expect(received.body[1]![0] - received.body[0]![0]).toBe(3600);
    expect(sum((await api.get<[number, number][]>(projectStats('generated'))).body)).toBe(4);
    const daily = await api.get<[number, number][]>(projectStats('received', '&resolution=1d'));
    expect(daily.body[1]![0] - daily.body[0]![0]).toBe(86_400);
    expect(sum(daily.body)).toBe(5);
    const now = Math.floor(Date.now() / 1000);
    const bad = await api.get(projectStats('received', `&since=${now}&until=${now - 7200}`));
    expect(bad.status).toBe(400);
    expect((await api.get(projectStats('everything'))).status).toBe(400);
    expect((await stranger.get(projectStats('received'))).status).toBe(404);
  });

  it('answers stats_v2 grouped by outcome, category and project', async () => {
    const response = await api.get<StatsV2>(
      `${v2}?field=sum(quantity)&groupBy=outcome&category=error&statsPeriod=24h&interval=1h`,
    );
    expect(response.status).toBe(200);
    expect(response.body.intervals.length).toBeGreaterThanOrEqual(24);
    expect(response.body.groups.map((g) => [g.by['outcome'], g.totals['sum(quantity)']])).toEqual([
      ['accepted', 4],
      ['rate_limited', 1],
    ]);
    const series = response.body.groups[0]!.series['sum(quantity)']!;
    expect(series).toHaveLength(response.body.intervals.length);
    expect(series.reduce((a, b) => a + b, 0)).toBe(4);
    const byProject = await api.get<StatsV2>(
      `${v2}?groupBy=project&groupBy=category&outcome=accepted&project=${t.projectId}&interval=1d`,
    );
    expect(byProject.body.groups).toEqual([
      expect.objectContaining({
        by: { project: t.projectId, category: 'error' },
        totals: { 'sum(quantity)': 4 },
      }),
    ]);
    const bad = await api.get<{ errors: Record<string, string[]> }>(`${v2}?groupBy=color`);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors)).toEqual(['groupBy.0']);
    expect((await api.get(`${v2}?statsPeriod=forever`)).status).toBe(400);
    expect((await stranger.get(v2)).status).toBe(404);
  });

  it('summarizes unresolved issues and the error trend for the dashboard (Fixloop)', async () => {
    await api.put(`/api/0/issues/${warningIssue}/`, { severity: 'blocking' });
    const summary = await api.get<{
      total: number;
      blocking: number;
      errors: number;
      warnings: number;
      trend: [number, number][];
    }>('/api/0/organizations/default/stats/summary/?statsPeriod=24h');
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({ total: 2, blocking: 1, errors: 1, warnings: 1 });
    expect(summary.body.trend).toHaveLength(24);
    expect(sum(summary.body.trend)).toBe(4);
    await api.put(`/api/0/issues/${errorIssue}/`, { status: 'resolved' });
    const after = await api.get<{ total: number; errors: number }>(
      '/api/0/organizations/default/stats/summary/',
    );
    expect(after.body).toMatchObject({ total: 1, errors: 0 });
    expect((await api.get('/api/0/organizations/default/stats/summary/?statsPeriod=0h')).status).toBe(400);
  });
});
