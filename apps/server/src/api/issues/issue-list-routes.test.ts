import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFixloop, TEST_BACKENDS } from '../../testing/test-fixloop.ts';
import type { TestFixloop } from '../../testing/test-fixloop.ts';
import { createTestUserToken, TestApiClient } from '../../testing/test-api-client.ts';
import { createTestOrg } from '../accounts/create-test-tenancy.ts';
import { minutesAgo, sendTestEvent } from './send-test-event.ts';

interface IssueJson {
  id: string;
  title: string;
  status: string;
  count: string;
  userCount: number;
  stats?: Record<string, [number, number][]>;
}

const PROJECT_LIST = '/api/0/projects/default/default/issues/';
const ORG_LIST = '/api/0/organizations/default/issues/';

describe.each(TEST_BACKENDS)('issue list API (%s)', (backend) => {
  let t: TestFixloop;
  let api: TestApiClient;
  /** checkout: 3 events, 2 users; login: 1 event 3 days old; payments: 2 events, no user or release. */
  const ids = { checkout: '', login: '', payments: '' };
  const nameOf = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0] ?? id;

  async function search(query: string, path = PROJECT_LIST): Promise<string[]> {
    const response = await api.get<IssueJson[]>(`${path}?query=${encodeURIComponent(query)}`);
    expect(response.status, `${query}: ${JSON.stringify(response.body)}`).toBe(200);
    return response.body.map((i) => nameOf(i.id)).sort();
  }

  async function issueOf(eventId: string): Promise<string> {
    const event = await api.get<{ groupID: string }>(`/api/0/projects/default/default/events/${eventId}/`);
    return event.body.groupID;
  }

  beforeAll(async () => {
    t = await startTestFixloop({ backend });
    api = new TestApiClient(
      t.fixloop.url,
      (await createTestUserToken(t.fixloop.storage, { organization: 'default', role: 'admin' })).token,
    );
    const checkout = {
      fingerprint: 'checkout',
      type: 'TypeError',
      value: 'card declined',
      environment: 'production',
      release: 'web@1.0',
      tags: { browser: 'Firefox' },
      handled: false,
    };
    const payments = {
      fingerprint: 'payments',
      type: 'RangeError',
      value: 'amount out of range',
      level: 'fatal',
      environment: 'production',
      tags: { browser: 'Mobile Safari' },
    };
    ids.login = await issueOf(
      await sendTestEvent(t, {
        fingerprint: 'login',
        type: 'ValueError',
        value: 'bad password',
        level: 'warning',
        environment: 'staging',
        release: 'web@2.0',
        userEmail: 'carol@example.com',
        tags: { browser: 'Chrome' },
        handled: true,
        at: minutesAgo(3 * 24 * 60),
      }),
    );
    ids.checkout = await issueOf(
      await sendTestEvent(t, { ...checkout, userEmail: 'alice@example.com', at: minutesAgo(50) }),
    );
    ids.payments = await issueOf(await sendTestEvent(t, { ...payments, at: minutesAgo(40) }));
    await sendTestEvent(t, { ...payments, at: minutesAgo(30) });
    await sendTestEvent(t, { ...checkout, userEmail: 'bob@example.com', at: minutesAgo(20) });
    await sendTestEvent(t, { ...checkout, userEmail: 'alice@example.com', at: minutesAgo(10) });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('lists unresolved issues by default, in Sentry’s JSON shape', async () => {
    const response = await api.get<IssueJson[]>(PROJECT_LIST);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-hits')).toBe('3');
    const checkout = response.body.find((i) => i.id === ids.checkout);
    expect(checkout).toMatchObject({
      status: 'unresolved',
      count: '3',
      userCount: 2,
      title: expect.any(String),
    });
    expect(await search('is:unresolved')).toEqual(['checkout', 'login', 'payments']);
    expect(await search('is:resolved')).toEqual([]);
  });

  it('filters by level, environment, release, tags, people and error fields', async () => {
    expect(await search('level:warning')).toEqual(['login']);
    expect(await search('environment:production')).toEqual(['checkout', 'payments']);
    expect(await search('release:web@1.0')).toEqual(['checkout']);
    expect(await search('user.email:alice@example.com')).toEqual(['checkout']);
    expect(await search('user.email:carol@example.com')).toEqual(['login']);
    expect(await search('error.type:ValueError')).toEqual(['login']);
    expect(await search('error.handled:false')).toEqual(['checkout']);
    // Like Sentry, an exception without a mechanism counts as handled.
    expect(await search('error.handled:true')).toEqual(['login', 'payments']);
    expect(await search('error.unhandled:true')).toEqual(['checkout']);
    expect(await search('browser:Firefox')).toEqual(['checkout']);
    expect(await search('tags[browser]:Chrome')).toEqual(['login']);
  });

  it('filters by age, times seen and has:', async () => {
    expect(await search('age:-24h')).toEqual(['checkout', 'payments']);
    expect(await search('age:+24h')).toEqual(['login']);
    expect(await search('times_seen:>2')).toEqual(['checkout']);
    expect(await search('times_seen:>=2')).toEqual(['checkout', 'payments']);
    expect(await search('timesSeen:1')).toEqual(['login']);
    expect(await search('has:release')).toEqual(['checkout', 'login']);
    expect(await search('has:user')).toEqual(['checkout', 'login']);
  });

  it('supports negation, lists, quoted values, wildcards and free text', async () => {
    expect(await search('!environment:production')).toEqual(['login']);
    expect(await search('!has:release')).toEqual(['payments']);
    expect(await search('level:[warning,fatal]')).toEqual(['login', 'payments']);
    expect(await search('!level:[warning, fatal]')).toEqual(['checkout']);
    expect(await search('browser:"Mobile Safari"')).toEqual(['payments']);
    expect(await search('error.type:Range*')).toEqual(['payments']);
    expect(await search('error.type:*Error')).toEqual(['checkout', 'login', 'payments']);
    expect(await search('release:web@*')).toEqual(['checkout', 'login']);
    expect(await search('declined')).toEqual(['checkout']);
    expect(await search('"amount out"')).toEqual(['payments']);
    expect(await search('is:unresolved environment:production !declined')).toEqual(['payments']);
    // Queries copied from Sentry's issue stream carry these keys.
    expect(await search('is:unresolved issue.category:error')).toEqual(['checkout', 'login', 'payments']);
    expect(await search('issue.category:performance')).toEqual([]);
  });

  it('answers 400 naming the query for a bad search', async () => {
    const bad = await api.get<{ detail: string; errors: Record<string, string[]> }>(
      `${PROJECT_LIST}?query=${encodeURIComponent('level:bogus')}`,
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors)).toEqual(['query']);
    expect((await api.get(`${PROJECT_LIST}?query=${encodeURIComponent('times_seen:>lots')}`)).status).toBe(
      400,
    );
    expect((await api.get(`${PROJECT_LIST}?sort=random`)).status).toBe(400);
    expect((await api.get(`${PROJECT_LIST}?cursor=abc`)).status).toBe(400);
  });

  it('sorts by date, new, freq and user', async () => {
    const order = async (sort: string) =>
      (await api.get<IssueJson[]>(`${PROJECT_LIST}?sort=${sort}`)).body.map((i) => nameOf(i.id));
    expect(await order('date')).toEqual(['checkout', 'payments', 'login']);
    expect(await order('new')).toEqual(['payments', 'checkout', 'login']);
    expect(await order('freq')).toEqual(['checkout', 'payments', 'login']);
    expect(await order('user')).toEqual(['checkout', 'login', 'payments']);
  });

  it('paginates with Link-header cursors until results="false"', async () => {
    const seen: string[] = [];
    let url: string | null = `${PROJECT_LIST}?sort=freq&limit=1`;
    const hasMore: string[] = [];
    while (url !== null) {
      const page: Awaited<ReturnType<typeof api.get<IssueJson[]>>> = await api.get<IssueJson[]>(url);
      expect(page.status).toBe(200);
      seen.push(...page.body.map((i) => nameOf(i.id)));
      const next = /<([^>]+)>; rel="next"; results="(true|false)"/.exec(page.headers.get('link') ?? '');
      expect(next).not.toBeNull();
      hasMore.push(next![2]!);
      url = next![2] === 'true' ? new URL(next![1]!).pathname + new URL(next![1]!).search : null;
    }
    expect(seen).toEqual(['checkout', 'payments', 'login']);
    expect(hasMore).toEqual(['true', 'true', 'false']);
    const second = await api.get(`${PROJECT_LIST}?sort=freq&limit=1&cursor=0:1:0`);
    expect(second.headers.get('link')).toContain('rel="previous"; results="true"; cursor="0:0:1"');
  });

  it('adds per-issue stats for statsPeriod (24h by default, 14d, none)', async () => {
    const sum = (series: [number, number][] | undefined) => (series ?? []).reduce((a, [, n]) => a + n, 0);
    const day = await api.get<IssueJson[]>(PROJECT_LIST);
    const byName = (list: IssueJson[], name: keyof typeof ids) => list.find((i) => i.id === ids[name]);
    expect(byName(day.body, 'checkout')?.stats?.['24h']).toHaveLength(24);
    expect(sum(byName(day.body, 'checkout')?.stats?.['24h'])).toBe(3);
    expect(sum(byName(day.body, 'login')?.stats?.['24h'])).toBe(0);
    const fortnight = await api.get<IssueJson[]>(`${PROJECT_LIST}?statsPeriod=14d`);
    expect(byName(fortnight.body, 'login')?.stats?.['14d']).toHaveLength(14);
    expect(sum(byName(fortnight.body, 'login')?.stats?.['14d'])).toBe(1);
    const none = await api.get<IssueJson[]>(`${PROJECT_LIST}?statsPeriod=`);
    expect(none.body[0]).not.toHaveProperty('stats');
  });

  it('lists the organization’s issues within the statsPeriod window and by project', async () => {
    expect(await search('is:unresolved', ORG_LIST)).toEqual(['checkout', 'login', 'payments']);
    const recent = await api.get<IssueJson[]>(`${ORG_LIST}?statsPeriod=24h&query=is:unresolved`);
    expect(recent.body.map((i) => nameOf(i.id)).sort()).toEqual(['checkout', 'payments']);
    expect(recent.body[0]?.stats?.['24h']).toHaveLength(24);
    // Without groupStatsPeriod Sentry always answers 24h; Fixloop adds the window's own series.
    const fortnight = await api.get<IssueJson[]>(`${ORG_LIST}?statsPeriod=14d`);
    expect(Object.keys(fortnight.body[0]?.stats ?? {}).sort()).toEqual(['14d', '24h']);
    expect(fortnight.body[0]?.stats?.['14d']).toHaveLength(14);
    // Sentry answers groupStatsPeriod=auto under the key "auto", daily for windows over a day.
    const auto = await api.get<IssueJson[]>(`${ORG_LIST}?statsPeriod=14d&groupStatsPeriod=auto`);
    expect(Object.keys(auto.body[0]?.stats ?? {})).toEqual(['auto']);
    expect(auto.body[0]?.stats?.['auto']).toHaveLength(14);
    const autoDay = await api.get<IssueJson[]>(`${ORG_LIST}?statsPeriod=24h&groupStatsPeriod=auto`);
    expect(Object.keys(autoDay.body[0]?.stats ?? {})).toEqual(['auto']);
    expect(autoDay.body[0]?.stats?.['auto']).toHaveLength(24);
    const none = await api.get<IssueJson[]>(`${ORG_LIST}?groupStatsPeriod=`);
    expect(none.body[0]).not.toHaveProperty('stats');
    const byProject = await api.get<IssueJson[]>(`${ORG_LIST}?project=${t.projectId}&query=level:fatal`);
    expect(byProject.body.map((i) => nameOf(i.id))).toEqual(['payments']);
    expect((await api.get(`${ORG_LIST}?project=999999`)).status).toBe(400);
    expect((await api.get(`${ORG_LIST}?statsPeriod=soon`)).status).toBe(400);
  });

  it('answers 400 naming statsPeriod for a period the list does not know', async () => {
    const fieldsOf = async (path: string) => {
      const response = await api.get<{ errors: Record<string, string[]> }>(path);
      expect(response.status, path).toBe(400);
      return Object.keys(response.body.errors);
    };
    expect(await fieldsOf(`${ORG_LIST}?statsPeriod=soon`)).toEqual(['statsPeriod']);
    expect(await fieldsOf(`${ORG_LIST}?statsPeriod=14x`)).toEqual(['statsPeriod']);
    // Sentry's project issue lists take only '', 24h and 14d as their stats period.
    expect(await fieldsOf(`${PROJECT_LIST}?statsPeriod=7d`)).toEqual(['statsPeriod']);
    expect(await fieldsOf(`${PROJECT_LIST}?statsPeriod=week`)).toEqual(['statsPeriod']);
    expect(await fieldsOf(`${ORG_LIST}?groupStatsPeriod=7d`)).toEqual(['groupStatsPeriod']);
    expect((await api.get(`${ORG_LIST}?statsPeriod=7d`)).status).toBe(200);
  });

  it('filters by first and last seen, the environment parameter, and finds short ids', async () => {
    expect(await search('lastSeen:-1h')).toEqual(['checkout', 'payments']);
    expect(await search('firstSeen:+2d')).toEqual(['login']);
    const since = new Date(Date.now() - 45 * 60_000).toISOString().slice(0, 19);
    expect(await search(`firstSeen:>${since}`)).toEqual(['payments']);
    const staging = await api.get<IssueJson[]>(`${PROJECT_LIST}?environment=staging`);
    expect(staging.body.map((i) => nameOf(i.id))).toEqual(['login']);
    const both = await api.get<IssueJson[]>(`${ORG_LIST}?environment=staging&environment=production`);
    expect(both.body).toHaveLength(3);
    const shortId = (await api.get<{ shortId: string }>(`/api/0/issues/${ids.login}/`)).body.shortId;
    const hit = await api.get<IssueJson[]>(`${ORG_LIST}?query=${shortId}&shortIdLookup=1`);
    expect(hit.body.map((i) => i.id)).toEqual([ids.login]);
    expect(hit.headers.get('x-sentry-direct-hit')).toBe('1');
    expect(await search('')).toEqual(['checkout', 'login', 'payments']);
  });

  it('assigned:me and bookmarks:me follow PUTs on the issue', async () => {
    expect(await search('assigned:me')).toEqual([]);
    const put = await api.put(`/api/0/issues/${ids.payments}/`, { assignedTo: 'me', isBookmarked: true });
    expect(put.status).toBe(200);
    expect(await search('assigned:me')).toEqual(['payments']);
    expect(await search('is:assigned')).toEqual(['payments']);
    expect(await search('is:unassigned')).toEqual(['checkout', 'login']);
    expect(await search('has:assignee')).toEqual(['payments']);
    expect(await search('bookmarks:me')).toEqual(['payments']);
  });

  it('assigned: takes emails and #team slugs', async () => {
    const { user } = await createTestUserToken(t.fixloop.storage, { organization: 'default' });
    const team = await api.post<{ id: string }>('/api/0/organizations/default/teams/', { slug: 'ops' });
    const bulk = await api.put(`${PROJECT_LIST}?id=${ids.login}`, { assignedTo: user.email });
    expect(bulk.body).toEqual({
      assignedTo: { type: 'user', id: String(user.id), name: user.name, email: user.email },
    });
    await api.put(`/api/0/issues/${ids.checkout}/`, { assignedTo: `team:${team.body.id}` });
    expect(await search(`assigned:${user.email}`)).toEqual(['login']);
    expect(await search('assigned:#ops')).toEqual(['checkout']);
    expect(await search(`assigned:[#ops, ${user.email}]`)).toEqual(['checkout', 'login']);
    expect(await search('assigned:nobody@example.com')).toEqual([]);
    expect(await search('assigned:none')).toEqual([]);
    await api.put(`${PROJECT_LIST}?id=${ids.login}&id=${ids.checkout}`, { assignedTo: null });
    expect(await search('is:unassigned')).toEqual(['checkout', 'login']);
  });

  it('bulk-updates the issues named by ?id= or matched by the query', async () => {
    const byId = await api.put<Record<string, unknown>>(
      `${PROJECT_LIST}?id=${ids.checkout}&id=${ids.login}`,
      { status: 'resolved' },
    );
    expect(byId.status).toBe(200);
    expect(byId.body).toMatchObject({ status: 'resolved' });
    expect(await search('is:resolved')).toEqual(['checkout', 'login']);
    const byQuery = await api.put(`${ORG_LIST}?query=${encodeURIComponent('is:resolved level:warning')}`, {
      status: 'unresolved',
    });
    expect(byQuery.status).toBe(200);
    expect(await search('is:resolved')).toEqual(['checkout']);
    const ignored = await api.put(`${PROJECT_LIST}?query=${encodeURIComponent('level:fatal')}`, {
      status: 'ignored',
    });
    expect(ignored.status).toBe(200);
    expect(await search('is:ignored')).toEqual(['payments']);
    // The organization list's window applies to query-based bulk changes too: login is 3 days old.
    const windowed = await api.put(`${ORG_LIST}?query=is:unresolved&statsPeriod=24h`, { status: 'resolved' });
    expect(windowed.status).toBe(204);
    expect(await search('is:unresolved')).toEqual(['login']);
    const nothing = await api.put(`${PROJECT_LIST}?query=${encodeURIComponent('error.type:Nope')}`, {
      status: 'resolved',
    });
    expect(nothing.status).toBe(204);
    expect((await api.put(`${PROJECT_LIST}?id=x`, { status: 'resolved' })).status).toBe(400);
    expect((await api.put(`${PROJECT_LIST}?id=${ids.login}`, { status: 'gone' })).status).toBe(400);
  });

  it('ignores issues of other organizations in bulk changes', async () => {
    await t.fixloop.storage.projects.createOrganization({ slug: 'other', name: 'Other' });
    const stranger = new TestApiClient(
      t.fixloop.url,
      (await createTestUserToken(t.fixloop.storage, { organization: 'other', role: 'owner' })).token,
    );
    const theirs = `/api/0/organizations/other/issues/?id=${ids.login}&id=${ids.checkout}`;
    expect((await stranger.put(theirs, { status: 'ignored' })).status).toBe(204);
    expect((await stranger.delete(theirs)).status).toBe(204);
    expect((await stranger.get(`${PROJECT_LIST}`)).status).toBe(404);
    expect((await stranger.put(`${PROJECT_LIST}?id=${ids.login}`, { status: 'ignored' })).status).toBe(404);
    expect(await search('is:unresolved')).toEqual(['login']);
  });

  it('bulk-deletes issues (event:admin)', async () => {
    const member = new TestApiClient(
      t.fixloop.url,
      (await createTestUserToken(t.fixloop.storage, { organization: 'default', role: 'member' })).token,
    );
    expect((await member.delete(`${PROJECT_LIST}?id=${ids.login}`)).status).toBe(403);
    expect((await api.delete(`${PROJECT_LIST}?id=${ids.login}&id=${ids.checkout}`)).status).toBe(204);
    expect(await search('')).toEqual(['payments']);
    expect((await api.get(`/api/0/issues/${ids.login}/`)).status).toBe(404);
  });

  it('counts, users and stats of the environment= parameter only, like Sentry', async () => {
    const org = await createTestOrg(t.fixloop.storage, 'envs');
    const owner = new TestApiClient(t.fixloop.url, org.users.owner.token);
    const target = { projectId: org.project.id, key: org.publicKey };
    const mixed = { fingerprint: 'mixed', environment: 'production' };
    const first = await sendTestEvent(
      t,
      { ...mixed, userEmail: 'ann@example.com', at: minutesAgo(3 * 24 * 60) },
      target,
    );
    await sendTestEvent(t, { ...mixed, userEmail: 'ann@example.com', at: minutesAgo(20) }, target);
    await sendTestEvent(t, { ...mixed, userEmail: 'bob@example.com', at: minutesAgo(10) }, target);
    const stagingAt = minutesAgo(15);
    const staged = { ...mixed, environment: 'staging', userEmail: 'cy@example.com', at: stagingAt };
    await sendTestEvent(t, staged, target);
    const project = `/api/0/projects/envs/${org.project.slug}/issues/`;
    const orgList = `/api/0/organizations/envs/issues/`;
    const event = await owner.get<{ groupID: string }>(
      `/api/0/projects/envs/${org.project.slug}/events/${first}/`,
    );
    const id = event.body.groupID;
    type Listed = IssueJson & { firstSeen: string; lastSeen: string };
    const only = async (path: string) => {
      const response = await owner.get<Listed[]>(path);
      expect(response.status, path).toBe(200);
      expect(response.body.map((i) => i.id)).toEqual([id]);
      return response.body[0]!;
    };
    const sum = (series: [number, number][] | undefined) => (series ?? []).reduce((a, [, n]) => a + n, 0);

    const all = await only(project);
    expect(all).toMatchObject({ count: '4', userCount: 3 });
    expect(sum(all.stats?.['24h'])).toBe(3);
    const staging = await only(`${project}?environment=staging`);
    expect(staging).toMatchObject({ count: '1', userCount: 1 });
    expect(sum(staging.stats?.['24h'])).toBe(1);
    expect(new Date(staging.firstSeen).getTime()).toBe(stagingAt.getTime());
    expect(staging.lastSeen).toBe(staging.firstSeen);
    const production = await only(`${project}?environment=production&statsPeriod=14d`);
    expect(production).toMatchObject({ count: '3', userCount: 2 });
    expect(sum(production.stats?.['14d'])).toBe(3);
    const both = await only(`${project}?environment=production&environment=staging`);
    expect(both).toMatchObject({ count: '4', userCount: 3 });
    const orgStaging = await only(`${orgList}?environment=staging&statsPeriod=24h&groupStatsPeriod=auto`);
    expect(orgStaging).toMatchObject({ count: '1', userCount: 1 });
    expect(orgStaging.stats?.['auto']).toHaveLength(24);
    expect(sum(orgStaging.stats?.['auto'])).toBe(1);
    const orgProduction = await only(`${orgList}?environment=production&statsPeriod=14d`);
    expect(sum(orgProduction.stats?.['24h'])).toBe(2);
    expect(sum(orgProduction.stats?.['14d'])).toBe(3);

    // Sorting by events follows the environments too.
    const stagedSpec = { fingerprint: 'staged', environment: 'staging' };
    const stagedEvent = await sendTestEvent(t, { ...stagedSpec, at: minutesAgo(8) }, target);
    await sendTestEvent(t, { ...stagedSpec, at: minutesAgo(7) }, target);
    const stagedId = (
      await owner.get<{ groupID: string }>(`/api/0/projects/envs/${org.project.slug}/events/${stagedEvent}/`)
    ).body.groupID;
    const order = async (params: string) =>
      (await owner.get<IssueJson[]>(`${project}?${params}`)).body.map((i) => i.id);
    expect(await order('sort=freq')).toEqual([id, stagedId]);
    expect(await order('sort=freq&environment=staging')).toEqual([stagedId, id]);
    expect(await order('sort=freq&environment=production')).toEqual([id]);
  });
});
