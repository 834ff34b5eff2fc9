import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFixloop, TEST_BACKENDS } from '../../testing/test-fixloop.ts';
import type { TestFixloop } from '../../testing/test-fixloop.ts';
import { createTestUserToken, TestApiClient } from '../../testing/test-api-client.ts';
import type { TagKeyJson, TagValueJson } from './issue-tag-routes.ts';
import { sendTestEvent } from './send-test-event.ts';
import type { TestEventSpec } from './send-test-event.ts';

interface IssueJson {
  id: string;
  count: string;
  userCount: number;
  firstSeen: string;
  lastSeen: string;
  stats: Record<string, [number, number][]>;
}

/** Whole seconds, `minutes` before the start of the test: what ingest stores exactly. */
const BASE = Math.floor(Date.now() / 1000) * 1000;
const at = (minutes: number) => new Date(BASE - minutes * 60_000);
const iso = (minutes: number) => at(minutes).toISOString();
const sum = (series: [number, number][] | undefined) => (series ?? []).reduce((n, [, c]) => n + c, 0);
const pairs = (values: TagValueJson[] | undefined) => values?.map((v) => [v.value, v.count]);

describe.each(TEST_BACKENDS)('issue detail and tags with ?environment= (%s)', (backend) => {
  let t: TestFixloop;
  let api: TestApiClient;
  let issueId: string;
  const issue = (query = '') => api.get<IssueJson>(`/api/0/issues/${issueId}/${query}`);
  const tags = <T>(suffix: string) => api.get<T>(`/api/0/issues/${issueId}/tags/${suffix}`);

  beforeAll(async () => {
    t = await startTestFixloop({ backend });
    const storage = t.fixloop.storage;
    api = new TestApiClient(
      t.fixloop.url,
      (await createTestUserToken(storage, { organization: 'default', role: 'admin' })).token,
    );
    await api.put('/api/0/projects/default/default/', { settings: { investigation: { auto: false } } });
    const send = (environment: string, minutes: number, browser: string, userEmail?: string) => {
      const spec: TestEventSpec = { fingerprint: 'by-env', environment, at: at(minutes), tags: { browser } };
      if (environment === 'staging') spec.tags = { browser, region: 'eu' };
      return sendTestEvent(t, userEmail === undefined ? spec : { ...spec, userEmail });
    };
    const eventId = await send('production', 50, 'Firefox', 'ann@example.com');
    await send('production', 30, 'Firefox', 'bob@example.com');
    await send('production', 40, 'Chrome', 'ann@example.com');
    await send('staging', 90, 'Safari', 'cy@example.com');
    await send('staging', 10, 'Firefox');
    issueId = (await api.get<{ groupID: string }>(`/api/0/projects/default/default/events/${eventId}/`)).body
      .groupID;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('counts the issue over every event without the parameter', async () => {
    const { status, body } = await issue();
    expect(status).toBe(200);
    expect(body).toMatchObject({ count: '5', userCount: 3, firstSeen: iso(90), lastSeen: iso(10) });
    expect([sum(body.stats['24h']), sum(body.stats['30d'])]).toEqual([5, 5]);
  });

  it('counts only the events of the given environments, like the issue list', async () => {
    const production = (await issue('?environment=production')).body;
    expect(production).toMatchObject({ count: '3', userCount: 2, firstSeen: iso(50), lastSeen: iso(30) });
    expect([sum(production.stats['24h']), sum(production.stats['30d'])]).toEqual([3, 3]);
    const staging = (await issue('?environment=staging')).body;
    expect(staging).toMatchObject({ count: '2', userCount: 1, firstSeen: iso(90), lastSeen: iso(10) });
    expect(sum(staging.stats['24h'])).toBe(2);
    const both = (await issue('?environment=production&environment=staging')).body;
    expect(both).toMatchObject({ count: '5', userCount: 3, firstSeen: iso(90), lastSeen: iso(10) });
    const orgPath = await api.get<IssueJson>(
      `/api/0/organizations/default/issues/${issueId}/?environment=production`,
    );
    expect(orgPath.body).toMatchObject({ count: '3', userCount: 2 });
    const list = await api.get<IssueJson[]>('/api/0/projects/default/default/issues/?environment=production');
    const listed = list.body.find((i) => i.id === issueId);
    expect(listed).toMatchObject({ count: '3', userCount: 2, firstSeen: iso(50), lastSeen: iso(30) });
  });

  it('counts zero in an environment without events', async () => {
    const { status, body } = await issue('?environment=nowhere');
    expect(status).toBe(200);
    // As on the issue list: first and last seen stay the issue's own (nothing to take them from).
    expect(body).toMatchObject({
      id: issueId,
      count: '0',
      userCount: 0,
      firstSeen: iso(90),
      lastSeen: iso(10),
    });
    expect([sum(body.stats['24h']), sum(body.stats['30d'])]).toEqual([0, 0]);
  });

  it('breaks tags down over the environments’ events only', async () => {
    const all = (await tags<TagKeyJson[]>('')).body;
    expect(all.find((k) => k.key === 'browser')).toMatchObject({ totalValues: 5, uniqueValues: 3 });
    expect(all.map((k) => k.key)).toContain('region');
    const production = await tags<TagKeyJson[]>('?environment=production');
    expect(production.status).toBe(200);
    expect(production.body.map((k) => k.key)).not.toContain('region');
    const browser = production.body.find((k) => k.key === 'browser');
    expect(browser).toMatchObject({ totalValues: 3, uniqueValues: 2 });
    expect(browser?.topValues).toEqual([
      { key: 'browser', name: 'Firefox', value: 'Firefox', count: 2, firstSeen: iso(50), lastSeen: iso(30) },
      { key: 'browser', name: 'Chrome', value: 'Chrome', count: 1, firstSeen: iso(40), lastSeen: iso(40) },
    ]);
    const environment = production.body.find((k) => k.key === 'environment');
    expect(pairs(environment?.topValues)).toEqual([['production', 3]]);
    const user = production.body.find((k) => k.key === 'user');
    expect(user).toMatchObject({ totalValues: 3, uniqueValues: 2 });
    const picked = await tags<TagKeyJson[]>('?environment=staging&key=browser');
    expect(picked.body.map((k) => [k.key, k.totalValues, k.uniqueValues])).toEqual([['browser', 2, 2]]);
    expect(pairs(picked.body[0]?.topValues)).toEqual([
      ['Firefox', 1],
      ['Safari', 1],
    ]);
  });

  it('shows one key and pages its values in the environments', async () => {
    const key = await tags<TagKeyJson>('browser/?environment=staging');
    expect(key.status).toBe(200);
    expect(key.body).toMatchObject({ key: 'browser', totalValues: 2, uniqueValues: 2 });
    expect(key.body.topValues.find((v) => v.value === 'Safari')).toMatchObject({
      count: 1,
      firstSeen: iso(90),
      lastSeen: iso(90),
    });
    const both = await tags<TagKeyJson>('browser/?environment=staging&environment=production');
    expect(pairs(both.body.topValues)).toEqual([
      ['Firefox', 3],
      ['Chrome', 1],
      ['Safari', 1],
    ]);
    const page = await tags<TagValueJson[]>('browser/values/?environment=production&limit=1');
    expect(pairs(page.body)).toEqual([['Firefox', 2]]);
    expect(page.headers.get('link')).toContain('rel="next"; results="true"');
    const next = await tags<TagValueJson[]>('browser/values/?environment=production&limit=1&cursor=0:1:0');
    expect(next.body).toEqual([
      { key: 'browser', name: 'Chrome', value: 'Chrome', count: 1, firstSeen: iso(40), lastSeen: iso(40) },
    ]);
    expect(next.headers.get('link')).toContain('rel="next"; results="false"');
    const region = await tags<TagValueJson[]>('region/values/?environment=staging');
    expect(pairs(region.body)).toEqual([['eu', 2]]);
  });

  it('has no tags in an environment without events: the list is empty, a key is 404', async () => {
    const none = await tags<TagKeyJson[]>('?environment=nowhere');
    expect(none.status).toBe(200);
    expect(none.body).toEqual([]);
    expect((await tags('browser/?environment=nowhere')).status).toBe(404);
    expect((await tags('browser/values/?environment=nowhere')).status).toBe(404);
    // A key the issue has, but not in that environment, does not exist there either.
    expect((await tags('region/')).status).toBe(200);
    expect((await tags('region/?environment=production')).status).toBe(404);
    expect((await tags('region/values/?environment=production')).status).toBe(404);
  });
});
