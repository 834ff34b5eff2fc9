import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApiClient } from '../../testing/test-api-client.ts';
import { TEST_BACKENDS, startTestFixloop } from '../../testing/test-fixloop.ts';
import type { TestFixloop } from '../../testing/test-fixloop.ts';
import { createTestOrg } from '../accounts/create-test-tenancy.ts';
import type { TestOrg } from '../accounts/create-test-tenancy.ts';
import type { ProjectJson } from './serialize-project.ts';

describe.each(TEST_BACKENDS)('projects (%s)', (backend) => {
  let t: TestFixloop;
  let acme: TestOrg;
  const api = (token: string | null) => new TestApiClient(t.fixloop.url, token);
  beforeAll(async () => {
    t = await startTestFixloop({ backend });
    acme = await createTestOrg(t.fixloop.storage, 'acme');
    await t.fixloop.storage.teams.createTeam({
      organizationId: acme.organization.id,
      slug: 'web',
      name: 'Web',
    });
  });
  afterAll(() => t?.stop());

  it('lists an organization’s projects with Sentry’s shape and settings', async () => {
    const response = await api(acme.users.viewer.token).get<ProjectJson[]>(
      '/api/0/organizations/acme/projects/',
    );
    expect(response.status).toBe(200);
    expect(response.body).toHaveLength(1);
    expect(response.body[0]).toMatchObject({
      id: String(acme.project.id),
      slug: 'acme-app',
      name: 'App',
      platform: 'node',
      status: 'active',
      team: null,
      teams: [],
      organization: { slug: 'acme' },
      settings: { eventRetentionDays: 90, rateLimit: null, repository: null },
    });
    expect(response.headers.get('link')).toContain('rel="next"; results="false"');
  });

  it('creates projects through the team path and the organization path, each with a DSN key', async () => {
    const member = api(acme.users.member.token);
    const viaTeam = await member.post<ProjectJson>('/api/0/teams/acme/web/projects/', {
      name: 'Web Shop',
      platform: 'javascript-react',
    });
    expect(viaTeam.status).toBe(201);
    expect(viaTeam.body).toMatchObject({
      slug: 'web-shop',
      platform: 'javascript-react',
      team: { slug: 'web' },
    });
    const viaOrg = await member.post<ProjectJson>('/api/0/organizations/acme/projects/', {
      name: 'Worker',
      slug: 'worker',
      team: 'web',
    });
    expect(viaOrg.status).toBe(201);
    expect(viaOrg.body.teams.map((team) => team.slug)).toEqual(['web']);
    const keys = await member.get<unknown[]>('/api/0/projects/acme/worker/keys/');
    expect(keys.body).toHaveLength(1);

    expect(
      (await member.post('/api/0/organizations/acme/projects/', { name: 'Worker', slug: 'worker' })).status,
    ).toBe(409);
    for (const [path, body, field] of [
      ['/api/0/organizations/acme/projects/', {}, 'name'],
      ['/api/0/organizations/acme/projects/', { name: 'x', slug: 'No Good' }, 'slug'],
      ['/api/0/organizations/acme/projects/', { name: 'x', team: 'nope' }, 'team'],
      ['/api/0/organizations/acme/projects/', { name: '!!!' }, 'slug'],
    ] as const) {
      const response = await member.post<{ errors: object }>(path, body);
      expect(response.status).toBe(400);
      expect(response.body.errors).toHaveProperty(field);
    }
    expect((await member.post('/api/0/teams/acme/nope/projects/', { name: 'x' })).status).toBe(404);
    expect(
      (await api(acme.users.viewer.token).post('/api/0/teams/acme/web/projects/', { name: 'x' })).status,
    ).toBe(403);
  });

  it('updates name, slug, platform and settings (partial, validated); audits before and after', async () => {
    const created = await api(acme.users.admin.token).post<ProjectJson>(
      '/api/0/organizations/acme/projects/',
      {
        name: 'Settings Target',
      },
    );
    const path = `/api/0/projects/acme/${created.body.slug}/`;
    const updated = await api(acme.users.member.token).put<ProjectJson>(path, {
      name: 'Renamed',
      slug: 'renamed',
      platform: null,
      settings: { rateLimit: { count: 100, windowSeconds: 60 }, scrubbing: { extraFields: ['ssn'] } },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Renamed', slug: 'renamed', platform: null });
    expect(updated.body.settings).toMatchObject({
      rateLimit: { count: 100, windowSeconds: 60 },
      scrubbing: { enabled: true, extraFields: ['ssn'], safeFields: [] },
      eventRetentionDays: 90,
    });
    expect((await api(acme.users.member.token).get(path)).status).toBe(404);
    const stored = await t.fixloop.storage.projects.getProject(Number(created.body.id));
    expect(stored?.settings.rateLimit).toEqual({ count: 100, windowSeconds: 60 });

    const bad = [
      [{ settings: { eventRetentionDays: 0 } }, 'settings.eventRetentionDays'],
      [{ settings: { rateLimit: { count: -1, windowSeconds: 60 } } }, 'settings.rateLimit.count'],
      [{ settings: { surprise: true } }, 'settings'],
      [{ slug: 'UPPER' }, 'slug'],
      [{ name: '' }, 'name'],
    ] as const;
    for (const [body, field] of bad) {
      const response = await api(acme.users.member.token).put<{ errors: object }>(
        '/api/0/projects/acme/renamed/',
        body,
      );
      expect(response.status).toBe(400);
      expect(response.body.errors).toHaveProperty(field);
    }
    expect(
      (await api(acme.users.viewer.token).put('/api/0/projects/acme/renamed/', { name: 'x' })).status,
    ).toBe(403);

    const [entry] = await t.fixloop.storage.audit.list({
      action: 'project.update',
      target: `project:${created.body.id}`,
      limit: 1,
      offset: 0,
    });
    expect(entry).toMatchObject({
      userId: acme.users.member.user.id,
      before: { slug: 'settings-target', name: 'Settings Target', settings: { rateLimit: null } },
      after: { slug: 'renamed', name: 'Renamed', settings: { rateLimit: { count: 100, windowSeconds: 60 } } },
    });
  });

  it('repository settings need project:admin and the token is write-only (never shown or audited)', async () => {
    const repository = {
      url: 'https://git.example.com/acme/app.git',
      token: 'ghp_supersecret',
      testCommand: 'npm test',
    };
    const path = '/api/0/projects/acme/acme-app/';
    expect((await api(acme.users.member.token).put(path, { settings: { repository } })).status).toBe(403);
    const response = await api(acme.users.admin.token).put<ProjectJson>(path, { settings: { repository } });
    expect(response.status).toBe(200);
    expect(response.body.settings.repository).toEqual({
      url: repository.url,
      testCommand: 'npm test',
      hasToken: true,
    });
    const again = await api(acme.users.admin.token).put<ProjectJson>(path, {
      settings: { repository: { url: repository.url, testCommand: 'npm run test:ci' } },
    });
    expect(again.body.settings.repository?.hasToken).toBe(true);
    const stored = await t.fixloop.storage.projects.getProject(acme.project.id);
    expect(stored?.settings.repository?.token).toBe('ghp_supersecret');
    const entries = await t.fixloop.storage.audit.list({
      target: `project:${acme.project.id}`,
      limit: 10,
      offset: 0,
    });
    expect(entries.length).toBeGreaterThan(0);
    expect(JSON.stringify(entries)).not.toContain('ghp_supersecret');
    expect(JSON.stringify((await api(acme.users.viewer.token).get(path)).body)).not.toContain(
      'ghp_supersecret',
    );
  });

  it('deletes projects with project:admin only', async () => {
    await api(acme.users.admin.token).post('/api/0/organizations/acme/projects/', { name: 'Doomed' });
    expect((await api(acme.users.member.token).delete('/api/0/projects/acme/doomed/')).status).toBe(403);
    expect((await api(acme.users.admin.token).delete('/api/0/projects/acme/doomed/')).status).toBe(204);
    expect((await api(acme.users.admin.token).get('/api/0/projects/acme/doomed/')).status).toBe(404);
    const [entry] = await t.fixloop.storage.audit.list({ action: 'project.remove', limit: 1, offset: 0 });
    expect(entry?.before).toMatchObject({ slug: 'doomed', name: 'Doomed' });
  });
});
