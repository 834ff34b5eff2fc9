import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  envelope,
  errorEvent,
  newEventId,
  startTestFixloop,
  TEST_BACKENDS,
} from '../../testing/test-fixloop.ts';
import type { TestFixloop } from '../../testing/test-fixloop.ts';
import { createTestUserToken, TestApiClient } from '../../testing/test-api-client.ts';
import { minutesAgo, sendTestEvent } from '../issues/send-test-event.ts';

interface SimpleEventJson {
  id: string;
  eventID: string;
  groupID: string;
  projectID: string;
  title: string;
  message: string;
  dateCreated: string;
  tags: { key: string; value: string }[];
  user: Record<string, unknown> | null;
}
interface EventJson extends SimpleEventJson {
  level: string;
  entries: { type: string; data: Record<string, unknown> }[];
  release: { version: string } | null;
  environment: string | null;
  previousEventID: string | null;
  nextEventID: string | null;
}

describe.each(TEST_BACKENDS)('events API (%s)', (backend) => {
  let t: TestFixloop;
  let api: TestApiClient;
  let stranger: TestApiClient;
  let issueId: string;
  const events: string[] = [];
  let otherEvent: string;
  let crumbEvent: string;
  const spec = { fingerprint: 'ev', release: 'web@1.0', environment: 'production' };

  beforeAll(async () => {
    t = await startTestFixloop({ backend });
    const storage = t.fixloop.storage;
    api = new TestApiClient(
      t.fixloop.url,
      (await createTestUserToken(storage, { organization: 'default', role: 'viewer' })).token,
    );
    await storage.projects.createOrganization({ slug: 'other', name: 'Other' });
    stranger = new TestApiClient(
      t.fixloop.url,
      (await createTestUserToken(storage, { organization: 'other', role: 'owner' })).token,
    );
    for (const [i, at] of [30, 20, 10].entries()) {
      events.push(
        await sendTestEvent(t, {
          ...spec,
          value: `boom ${i}`,
          userEmail: 'ann@example.com',
          at: minutesAgo(at),
        }),
      );
    }
    otherEvent = await sendTestEvent(t, { fingerprint: 'elsewhere' });
    crumbEvent = newEventId();
    const response = await fetch(t.url(`/api/${t.projectId}/envelope/?sentry_key=${t.key}`), {
      method: 'POST',
      body: envelope({ event_id: crumbEvent }, [
        [
          { type: 'event' },
          {
            ...errorEvent(crumbEvent, 'with crumbs'),
            fingerprint: ['crumbs'],
            request: { url: 'https://shop.example.com/cart', method: 'POST', query_string: 'step=2' },
          },
        ],
      ]),
    });
    expect(response.status).toBe(200);
    const first = await api.get<EventJson>(`/api/0/projects/default/default/events/${events[0]}/`);
    issueId = first.body.groupID;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('lists an issue’s events newest first with Link pagination', async () => {
    const all = await api.get<SimpleEventJson[]>(`/api/0/issues/${issueId}/events/`);
    expect(all.status).toBe(200);
    expect(all.body.map((e) => e.eventID)).toEqual([...events].reverse());
    expect(all.body[0]).toMatchObject({ groupID: issueId, projectID: String(t.projectId) });
    expect(all.body[0]?.tags).toEqual(
      expect.arrayContaining([
        { key: 'environment', value: 'production' },
        { key: 'release', value: 'web@1.0' },
      ]),
    );
    expect(all.body[0]?.user).toMatchObject({ email: 'ann@example.com' });
    const page = await api.get<SimpleEventJson[]>(`/api/0/issues/${issueId}/events/?limit=2`);
    expect(page.body).toHaveLength(2);
    expect(page.headers.get('link')).toContain('rel="next"; results="true"; cursor="0:2:0"');
    const last = await api.get<SimpleEventJson[]>(`/api/0/issues/${issueId}/events/?limit=2&cursor=0:2:0`);
    expect(last.body.map((e) => e.eventID)).toEqual([events[0]]);
    expect(last.headers.get('link')).toContain('rel="next"; results="false"');
    const orgPath = await api.get<SimpleEventJson[]>(
      `/api/0/organizations/default/issues/${issueId}/events/`,
    );
    expect(orgPath.body.map((e) => e.eventID)).toEqual([...events].reverse());
    expect((await api.get(`/api/0/organizations/other/issues/${issueId}/events/`)).status).toBe(404);
    const full = await api.get<EventJson[]>(`/api/0/issues/${issueId}/events/?full=true&limit=1`);
    expect(full.body[0]?.entries.map((e) => e.type)).toContain('exception');
  });

  it('lists a project’s events newest first with Link pagination', async () => {
    const list = '/api/0/projects/default/default/events/';
    const first = await api.get<SimpleEventJson[]>(`${list}?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.map((e) => e.eventID)).toEqual([crumbEvent, otherEvent]);
    expect(first.headers.get('link')).toContain('rel="next"; results="true"; cursor="0:2:0"');
    const last = await api.get<SimpleEventJson[]>(`${list}?limit=2&cursor=0:4:0`);
    expect(last.body.map((e) => e.eventID)).toEqual([events[0]]);
    expect(last.headers.get('link')).toContain('rel="next"; results="false"');
    const full = await api.get<EventJson[]>(`${list}?full=true&limit=1`);
    expect(full.body[0]?.entries.map((e) => e.type)).toContain('breadcrumbs');
    expect((await stranger.get(list)).status).toBe(404);
    expect((await api.get('/api/0/projects/default/nope/events/')).status).toBe(404);
  });

  it('serves latest, oldest and a given event of an issue', async () => {
    const latest = await api.get<EventJson>(`/api/0/issues/${issueId}/events/latest/`);
    expect(latest.status).toBe(200);
    expect(latest.body).toMatchObject({
      eventID: events[2],
      previousEventID: events[1],
      nextEventID: null,
      release: { version: 'web@1.0' },
      environment: 'production',
      level: 'error',
    });
    const oldest = await api.get<EventJson>(`/api/0/issues/${issueId}/events/oldest/`);
    expect(oldest.body).toMatchObject({ eventID: events[0], previousEventID: null, nextEventID: events[1] });
    const dashed = events[1]!.replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
    const byId = await api.get<EventJson>(`/api/0/issues/${issueId}/events/${dashed}/`);
    expect(byId.body.eventID).toBe(events[1]);
    const orgPath = await api.get<EventJson>(`/api/0/organizations/default/issues/${issueId}/events/latest/`);
    expect(orgPath.body.eventID).toBe(events[2]);
    expect((await api.get(`/api/0/issues/${issueId}/events/${otherEvent}/`)).status).toBe(404);
    expect((await api.get(`/api/0/issues/${issueId}/events/not-an-id/`)).status).toBe(404);
    expect((await api.get(`/api/0/organizations/other/issues/${issueId}/events/latest/`)).status).toBe(404);
  });

  it('serves a project’s event in Sentry’s JSON with its exception entry', async () => {
    const response = await api.get<EventJson>(`/api/0/projects/default/default/events/${events[1]}/`);
    expect(response.status).toBe(200);
    const exception = response.body.entries.find((e) => e.type === 'exception');
    const values = exception?.data['values'] as { type: string; value: string }[];
    expect(values[0]).toMatchObject({ type: 'TypeError', value: 'boom 1' });
    expect(response.body.dateCreated).toMatch(/Z$/);
    expect((await api.get(`/api/0/projects/default/default/events/${'0'.repeat(32)}/`)).status).toBe(404);
    expect((await api.get(`/api/0/projects/default/nope/events/${events[1]}/`)).status).toBe(404);
    expect((await stranger.get(`/api/0/projects/default/default/events/${events[1]}/`)).status).toBe(404);
    expect((await stranger.get(`/api/0/issues/${issueId}/events/`)).status).toBe(404);
  });

  it('shows request and breadcrumbs entries in Sentry’s order', async () => {
    const response = await api.get<EventJson>(`/api/0/projects/default/default/events/${crumbEvent}/`);
    expect(response.body.entries.map((e) => e.type)).toEqual(['exception', 'request', 'breadcrumbs']);
    const request = response.body.entries[1]?.data;
    expect(request).toMatchObject({
      url: 'https://shop.example.com/cart',
      method: 'POST',
      query: [['step', '2']],
    });
    const crumbs = response.body.entries[2]?.data['values'] as { message: string; category: string }[];
    expect(crumbs).toEqual([expect.objectContaining({ message: 'about to fail', category: 'console' })]);
  });

  it('serves the event timeline (Fixloop): breadcrumbs, then the error itself', async () => {
    const response = await api.get<{
      entries: { kind: string; message: string; isError: boolean; source: string }[];
    }>(`/api/0/projects/default/default/events/${crumbEvent}/timeline/`);
    expect(response.status).toBe(200);
    expect(response.body.entries.map((e) => [e.source, e.isError])).toEqual([
      ['breadcrumb', false],
      ['event', true],
    ]);
    expect(response.body.entries[0]?.message).toBe('about to fail');
    expect(
      (await stranger.get(`/api/0/projects/default/default/events/${crumbEvent}/timeline/`)).status,
    ).toBe(404);
  });

  it('filters an issue’s and a project’s events by environment and query', async () => {
    const warned = await sendTestEvent(t, {
      ...spec,
      environment: 'staging',
      level: 'warning',
      release: 'web@2.0',
      value: 'kaboom in staging',
      userEmail: 'bob@example.com',
      tags: { browser: 'Firefox' },
      at: minutesAgo(5),
    });
    const late = await sendTestEvent(t, {
      ...spec,
      environment: 'staging',
      value: 'boom late',
      userEmail: 'ann@example.com',
      tags: { browser: 'Chrome' },
      at: minutesAgo(1),
    });
    const production = [...events].reverse();
    const ids = async (path: string) => {
      const response = await api.get<SimpleEventJson[]>(path);
      expect(response.status, path).toBe(200);
      return response.body.map((e) => e.eventID);
    };
    const issueList = `/api/0/issues/${issueId}/events/`;
    const q = (query: string) => `${issueList}?query=${encodeURIComponent(query)}`;
    expect(await ids(`${issueList}?environment=staging`)).toEqual([late, warned]);
    expect(await ids(`${issueList}?environment=production`)).toEqual(production);
    expect(await ids(`${issueList}?environment=production&environment=staging`)).toHaveLength(5);
    expect(await ids(q('environment:staging'))).toEqual([late, warned]);
    expect(await ids(q('!environment:staging'))).toEqual(production);
    expect(await ids(q('release:web@2.0'))).toEqual([warned]);
    expect(await ids(q('release:web@1.*'))).toEqual([late, ...production]);
    expect(await ids(q('level:warning'))).toEqual([warned]);
    expect(await ids(q('user.email:bob@example.com'))).toEqual([warned]);
    expect(await ids(q('user.email:ann@example.com environment:staging'))).toEqual([late]);
    expect(await ids(q('browser:Chrome'))).toEqual([late]);
    expect(await ids(q('has:browser'))).toEqual([late, warned]);
    expect(await ids(q('kaboom'))).toEqual([warned]);
    expect(await ids(q('"boom 1"'))).toEqual([events[1]]);
    expect(await ids(`${q('boom')}&environment=staging`)).toEqual([late, warned]);
    expect(await ids(`/api/0/organizations/default/issues/${issueId}/events/?environment=staging`)).toEqual([
      late,
      warned,
    ]);

    // Filters that only the stored payload answers still paginate by matching events.
    const first = await api.get<SimpleEventJson[]>(`${q('has:browser')}&limit=1`);
    expect(first.body.map((e) => e.eventID)).toEqual([late]);
    expect(first.headers.get('link')).toContain('rel="next"; results="true"; cursor="0:1:0"');
    const second = await api.get<SimpleEventJson[]>(`${q('has:browser')}&limit=1&cursor=0:1:0`);
    expect(second.body.map((e) => e.eventID)).toEqual([warned]);
    expect(second.headers.get('link')).toContain('rel="next"; results="false"');
    const byEnv = await api.get<SimpleEventJson[]>(
      `${issueList}?environment=production&limit=2&cursor=0:2:0`,
    );
    expect(byEnv.body.map((e) => e.eventID)).toEqual([events[0]]);

    const projectList = '/api/0/projects/default/default/events/';
    expect(await ids(`${projectList}?query=browser:Firefox`)).toEqual([warned]);
    expect(await ids(`${projectList}?environment=staging`)).toEqual([late, warned]);
    expect(await ids(`${projectList}?query=${encodeURIComponent('release:web@1.0 level:error')}`)).toEqual([
      late,
      ...production,
    ]);
    expect(await ids(`${projectList}?query=${encodeURIComponent('error.type:TypeError kaboom')}`)).toEqual([
      warned,
    ]);
    expect((await stranger.get(`${projectList}?environment=staging`)).status).toBe(404);

    // latest, oldest and recommended honour the same filters.
    const named = async (path: string) => {
      const response = await api.get<EventJson>(`/api/0/issues/${issueId}/events/${path}`);
      expect(response.status, path).toBe(200);
      return response.body.eventID;
    };
    expect(await named('latest/')).toBe(late);
    expect(await named('latest/?environment=production')).toBe(events[2]);
    expect(await named('oldest/?environment=staging')).toBe(warned);
    expect(await named(`oldest/?query=${encodeURIComponent('has:browser')}`)).toBe(warned);
    expect(await named('recommended/?query=level:warning')).toBe(warned);
    expect((await api.get(`/api/0/issues/${issueId}/events/latest/?environment=nowhere`)).status).toBe(404);
    expect((await api.get(`/api/0/issues/${issueId}/events/latest/?query=is:resolved`)).status).toBe(400);

    // Sentry's time range parameters apply to the events' own timestamps.
    expect(await ids(`${issueList}?statsPeriod=15m`)).toEqual([late, warned, events[2]]);
    const range = `start=${minutesAgo(25).toISOString()}&end=${minutesAgo(15).toISOString()}`;
    expect(await ids(`${issueList}?${range}`)).toEqual([events[1]]);
    expect(await ids(`${projectList}?statsPeriod=3m&environment=staging`)).toEqual([late]);
    for (const [params, field] of [
      ['statsPeriod=soon', 'statsPeriod'],
      ['start=yesterday&end=today', 'start'],
    ] as const) {
      const response = await api.get<{ errors: Record<string, string[]> }>(`${issueList}?${params}`);
      expect(response.status, params).toBe(400);
      expect(Object.keys(response.body.errors)).toEqual([field]);
    }

    for (const bad of ['is:unresolved', 'times_seen:>1', 'level:bogus', 'assigned:me']) {
      const response = await api.get<{ errors: Record<string, string[]> }>(q(bad));
      expect(response.status, bad).toBe(400);
      expect(Object.keys(response.body.errors)).toEqual(['query']);
    }
    expect((await api.get(`${projectList}?query=is:resolved`)).status).toBe(400);
  });
});
