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

interface ReleaseJson {
  version: string;
  shortVersion: string;
  ref: string | null;
  url: string | null;
  dateCreated: string;
  dateReleased: string | null;
  newGroups: number;
  projects: { slug: string; name: string }[];
  lastDeploy: { environment: string; name: string | null } | null;
  deployCount: number;
  commitCount: number;
}

describe.each(TEST_BACKENDS)('releases and deploys API (%s)', (backend) => {
  let t: TestFixloop;
  let api: TestApiClient;
  let stranger: TestApiClient;
  let viewer: TestApiClient;

  beforeAll(async () => {
    t = await startTestFixloop({ backend });
    const storage = t.fixloop.storage;
    api = new TestApiClient(
      t.fixloop.url,
      (
        await createTestUserToken(storage, {
          organization: 'default',
          scopes: ['org:read', 'project:read', 'project:releases'],
        })
      ).token,
    );
    viewer = new TestApiClient(
      t.fixloop.url,
      (await createTestUserToken(storage, { organization: 'default', role: 'viewer' })).token,
    );
    await storage.projects.createOrganization({ slug: 'other', name: 'Other' });
    stranger = new TestApiClient(
      t.fixloop.url,
      (await createTestUserToken(storage, { organization: 'other', role: 'owner' })).token,
    );
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('creates a release for a project (201), then answers 208 as sentry-cli expects', async () => {
    const body = {
      version: 'web@1.2.3',
      ref: 'main',
      commits: [{ id: 'abc' }, { id: 'def' }],
      dateReleased: '2026-01-02T03:04:05Z',
    };
    const created = await api.post<ReleaseJson>('/api/0/projects/default/default/releases/', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      version: 'web@1.2.3',
      shortVersion: '1.2.3',
      ref: 'main',
      url: null,
      dateReleased: '2026-01-02T03:04:05.000Z',
      newGroups: 0,
      projects: [{ slug: 'default' }],
      lastDeploy: null,
      deployCount: 0,
      commitCount: 2,
    });
    expect(created.body.dateCreated).toMatch(/Z$/);
    const again = await api.post<ReleaseJson>('/api/0/projects/default/default/releases/', {
      version: 'web@1.2.3',
    });
    expect(again.status).toBe(208);
    expect(again.body.commitCount).toBe(2);
    const org = await api.post('/api/0/organizations/default/releases/', {
      version: 'api@9',
      projects: ['default'],
    });
    expect(org.status).toBe(201);
  });

  it('validates input: versions, projects, and field errors name the field', async () => {
    const bad = await api.post<{ errors: Record<string, string[]> }>(
      '/api/0/organizations/default/releases/',
      { version: 'a/b', projects: ['default'] },
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors)).toEqual(['version']);
    expect((await api.post('/api/0/organizations/default/releases/', { version: 'x' })).status).toBe(400);
    expect(
      (await api.post('/api/0/organizations/default/releases/', { version: 'x', projects: ['nope'] })).status,
    ).toBe(400);
    expect((await api.post('/api/0/projects/default/nope/releases/', { version: 'x' })).status).toBe(404);
  });

  it('lists releases of the organization and of a project with Link pagination and ?query', async () => {
    const list = await api.get<ReleaseJson[]>('/api/0/organizations/default/releases/?per_page=1');
    expect(list.status).toBe(200);
    expect(list.body.map((r) => r.version)).toEqual(['api@9', 'web@1.2.3']);
    const page = await api.get<ReleaseJson[]>('/api/0/projects/default/default/releases/?limit=1');
    expect(page.body.map((r) => r.version)).toEqual(['api@9']);
    expect(page.headers.get('link')).toContain('rel="next"; results="true"');
    const found = await api.get<ReleaseJson[]>('/api/0/organizations/default/releases/?query=WEB');
    expect(found.body.map((r) => r.version)).toEqual(['web@1.2.3']);
  });

  it('reads, updates and deletes a release by its URL-encoded version, with deploys', async () => {
    const version = encodeURIComponent('web@1.2.3+build/7');
    expect(
      (
        await api.post('/api/0/organizations/default/releases/', {
          version: 'web@1.2.3\tbuild',
          projects: ['default'],
        })
      ).status,
    ).toBe(400);
    const plain = encodeURIComponent('web@1.2.3');
    const got = await api.get<ReleaseJson>(`/api/0/organizations/default/releases/${plain}/`);
    expect(got.body.version).toBe('web@1.2.3');
    expect((await api.get(`/api/0/organizations/default/releases/${version}/`)).status).toBe(404);
    const put = await api.put<ReleaseJson>(`/api/0/organizations/default/releases/${plain}/`, {
      url: 'https://ci.example.com/7',
      dateReleased: null,
    });
    expect(put.body).toMatchObject({ url: 'https://ci.example.com/7', dateReleased: null, ref: 'main' });
    const deploy = await api.post<{ environment: string; dateFinished: string }>(
      `/api/0/organizations/default/releases/${plain}/deploys/`,
      {
        environment: 'production',
        name: 'deploy #1',
      },
    );
    expect(deploy.status).toBe(201);
    expect(deploy.body.environment).toBe('production');
    expect(deploy.body.dateFinished).toMatch(/Z$/);
    expect((await api.post(`/api/0/organizations/default/releases/${plain}/deploys/`, {})).status).toBe(400);
    const deploys = await api.get<unknown[]>(`/api/0/organizations/default/releases/${plain}/deploys/`);
    expect(deploys.body).toHaveLength(1);
    const withDeploy = await api.get<ReleaseJson>(`/api/0/organizations/default/releases/${plain}/`);
    expect(withDeploy.body).toMatchObject({
      deployCount: 1,
      lastDeploy: { environment: 'production', name: 'deploy #1' },
    });
    expect(
      (await api.delete(`/api/0/organizations/default/releases/${encodeURIComponent('api@9')}/`)).status,
    ).toBe(204);
    expect(
      (await api.get(`/api/0/organizations/default/releases/${encodeURIComponent('api@9')}/`)).status,
    ).toBe(404);
    const audit = await t.fixloop.storage.audit.list({ target: 'release:api@9', limit: 10, offset: 0 });
    expect(audit.map((e) => e.action)).toEqual(['release.delete', 'release.create']);
  });

  it('makes releases named by ingested events exist, counting their new issues', async () => {
    const event = { ...errorEvent(newEventId(), 'release seen at ingest'), release: 'seen@0.1.0' };
    const response = await fetch(t.url(`/api/${t.projectId}/envelope/?sentry_key=${t.key}`), {
      method: 'POST',
      body: envelope({}, [[{ type: 'event' }, event]]),
    });
    expect(response.status).toBe(200);
    const release = await api.get<ReleaseJson>(
      `/api/0/organizations/default/releases/${encodeURIComponent('seen@0.1.0')}/`,
    );
    expect(release.body).toMatchObject({
      version: 'seen@0.1.0',
      newGroups: 1,
      projects: [{ slug: 'default' }],
    });
  });

  it('isolates tenants and enforces scopes', async () => {
    const paths = [
      '/api/0/organizations/default/releases/',
      `/api/0/organizations/default/releases/${encodeURIComponent('web@1.2.3')}/`,
      `/api/0/organizations/default/releases/${encodeURIComponent('web@1.2.3')}/deploys/`,
      `/api/0/organizations/default/releases/${encodeURIComponent('web@1.2.3')}/previous-with-commits/`,
      '/api/0/projects/default/default/releases/',
    ];
    for (const path of paths) expect((await stranger.get(path)).status, path).toBe(404);
    expect(
      (
        await stranger.post('/api/0/organizations/default/releases/', {
          version: 'evil',
          projects: ['default'],
        })
      ).status,
    ).toBe(404);
    expect(
      (await stranger.post('/api/0/projects/default/default/releases/', { version: 'evil' })).status,
    ).toBe(404);
    expect((await viewer.get('/api/0/organizations/default/releases/')).status).toBe(200);
    expect(
      (await viewer.post('/api/0/organizations/default/releases/', { version: 'v', projects: ['default'] }))
        .status,
    ).toBe(403);
    expect(
      (await viewer.delete(`/api/0/organizations/default/releases/${encodeURIComponent('web@1.2.3')}/`))
        .status,
    ).toBe(403);
    expect(
      (await new TestApiClient(t.fixloop.url, null).get('/api/0/organizations/default/releases/')).status,
    ).toBe(401);
  });
});
