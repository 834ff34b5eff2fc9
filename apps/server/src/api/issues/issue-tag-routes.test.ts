import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFixloop, TEST_BACKENDS } from '../../testing/test-fixloop.ts';
import type { TestFixloop } from '../../testing/test-fixloop.ts';
import { createTestUserToken, TestApiClient } from '../../testing/test-api-client.ts';
import type { TagKeyJson, TagValueJson } from './issue-tag-routes.ts';
import { sendTestEvent } from './send-test-event.ts';

describe.each(TEST_BACKENDS)('issue tag breakdown API (%s)', (backend) => {
  let t: TestFixloop;
  let api: TestApiClient;
  let stranger: TestApiClient;
  let issueId: string;

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
    const spec = { fingerprint: 'tagged', environment: 'production' };
    const eventId = await sendTestEvent(t, { ...spec, tags: { browser: 'Firefox' } });
    await sendTestEvent(t, { ...spec, tags: { browser: 'Firefox' } });
    await sendTestEvent(t, { ...spec, environment: 'staging', tags: { browser: 'Chrome' } });
    issueId = (await api.get<{ groupID: string }>(`/api/0/projects/default/default/events/${eventId}/`)).body
      .groupID;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('lists tag keys with totals and their most common values', async () => {
    const response = await api.get<TagKeyJson[]>(`/api/0/issues/${issueId}/tags/`);
    expect(response.status).toBe(200);
    const browser = response.body.find((k) => k.key === 'browser');
    expect(browser).toMatchObject({ totalValues: 3, uniqueValues: 2 });
    expect(browser?.topValues.map((v) => [v.value, v.count])).toEqual([
      ['Firefox', 2],
      ['Chrome', 1],
    ]);
    expect(browser?.topValues[0]).toMatchObject({ key: 'browser', name: 'Firefox' });
    const environment = response.body.find((k) => k.key === 'environment');
    expect(environment?.topValues.map((v) => [v.value, v.count])).toEqual([
      ['production', 2],
      ['staging', 1],
    ]);
    const only = await api.get<TagKeyJson[]>(`/api/0/issues/${issueId}/tags/?key=browser`);
    expect(only.body.map((k) => k.key)).toEqual(['browser']);
  });

  it('shows one key and pages through its values', async () => {
    const key = await api.get<TagKeyJson>(`/api/0/issues/${issueId}/tags/browser/`);
    expect(key.status).toBe(200);
    expect(key.body).toMatchObject({ key: 'browser', totalValues: 3, uniqueValues: 2 });
    const page = await api.get<TagValueJson[]>(`/api/0/issues/${issueId}/tags/browser/values/?limit=1`);
    expect(page.body.map((v) => v.value)).toEqual(['Firefox']);
    expect(page.headers.get('link')).toContain('rel="next"; results="true"');
    const next = await api.get<TagValueJson[]>(
      `/api/0/issues/${issueId}/tags/browser/values/?limit=1&cursor=0:1:0`,
    );
    expect(next.body.map((v) => v.value)).toEqual(['Chrome']);
    const orgPath = await api.get<TagValueJson[]>(
      `/api/0/organizations/default/issues/${issueId}/tags/browser/values/`,
    );
    expect(orgPath.body.map((v) => [v.value, v.count])).toEqual([
      ['Firefox', 2],
      ['Chrome', 1],
    ]);
    const orgKeys = await api.get<TagKeyJson[]>(`/api/0/organizations/default/issues/${issueId}/tags/`);
    expect(orgKeys.body.map((k) => k.key)).toContain('browser');
    expect(next.headers.get('link')).toContain('rel="next"; results="false"');
  });

  it('answers 404 for unknown keys and other tenants', async () => {
    expect((await api.get(`/api/0/issues/${issueId}/tags/nope/`)).status).toBe(404);
    expect((await api.get(`/api/0/issues/${issueId}/tags/nope/values/`)).status).toBe(404);
    expect((await stranger.get(`/api/0/issues/${issueId}/tags/`)).status).toBe(404);
    expect((await stranger.get(`/api/0/issues/${issueId}/tags/browser/values/`)).status).toBe(404);
    expect((await stranger.get(`/api/0/organizations/other/issues/${issueId}/tags/`)).status).toBe(404);
    expect((await api.get(`/api/0/organizations/other/issues/${issueId}/tags/browser/`)).status).toBe(404);
  });
});
