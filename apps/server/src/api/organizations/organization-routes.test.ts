import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApiClient } from '../../testing/test-api-client.ts';
import { TEST_BACKENDS, startTestFixloop } from '../../testing/test-fixloop.ts';
import type { TestFixloop } from '../../testing/test-fixloop.ts';
import { createTestOrg, createTestUser } from '../accounts/create-test-tenancy.ts';
import type { TestOrg } from '../accounts/create-test-tenancy.ts';
import type { OrganizationJson } from './serialize-organization.ts';
import type { TeamJson } from './serialize-team.ts';

describe.each(TEST_BACKENDS)('organizations and teams (%s)', (backend) => {
  let t: TestFixloop;
  let acme: TestOrg;
  const api = (token: string | null) => new TestApiClient(t.fixloop.url, token);
  beforeAll(async () => {
    t = await startTestFixloop({ backend, env: { FIXLOOP_ADMIN_TOKEN: 'admin-token-0123456789abcdef' } });
    acme = await createTestOrg(t.fixloop.storage, 'acme');
    await createTestOrg(t.fixloop.storage, 'globex');
  });
  afterAll(() => t?.stop());

  it('GET /organizations/ lists only the caller’s organizations, with role and a Link header', async () => {
    const response = await api(acme.users.viewer.token).get<OrganizationJson[]>('/api/0/organizations/');
    expect(response.status).toBe(200);
    expect(response.body).toEqual([
      {
        id: String(acme.organization.id),
        slug: 'acme',
        name: 'Org acme',
        dateCreated: acme.organization.createdAt.toISOString(),
        status: { id: 'active', name: 'active' },
        role: 'viewer',
        orgRole: 'viewer',
      },
    ]);
    expect(response.headers.get('link')).toContain('rel="next"; results="false"');
    const admin = await api('admin-token-0123456789abcdef').get<OrganizationJson[]>('/api/0/organizations/');
    expect(admin.body.map((o) => o.slug)).toEqual(expect.arrayContaining(['acme', 'globex', 'default']));
    const paged = await api('admin-token-0123456789abcdef').get<OrganizationJson[]>(
      '/api/0/organizations/?limit=1',
    );
    expect(paged.body).toHaveLength(1);
    expect(paged.headers.get('link')).toContain('rel="next"; results="true"; cursor="0:1:0"');
  });

  it('POST /organizations/ is for superusers; the creator becomes owner; slugs validated', async () => {
    const denied = await api(acme.users.owner.token).post('/api/0/organizations/', { name: 'Mine' });
    expect(denied.status).toBe(403);
    const superuser = await createTestUser(t.fixloop.storage, { superuser: true });
    const created = await api(superuser.token).post<OrganizationJson>('/api/0/organizations/', {
      name: 'Initech Corp',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ slug: 'initech-corp', name: 'Initech Corp', role: 'owner' });
    expect(await t.fixloop.storage.accounts.listMemberships(superuser.user.id)).toEqual([
      { organizationId: Number(created.body.id), userId: superuser.user.id, role: 'owner' },
    ]);
    const duplicate = await api(superuser.token).post('/api/0/organizations/', {
      name: 'x',
      slug: 'initech-corp',
    });
    expect(duplicate.status).toBe(409);
    const bad = await api(superuser.token).post<{ errors: object }>('/api/0/organizations/', {
      name: 'x',
      slug: 'Bad Slug',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toHaveProperty('slug');
    const noName = await api(superuser.token).post<{ errors: object }>('/api/0/organizations/', {});
    expect(noName.body.errors).toHaveProperty('name');
  });

  it('GET/PUT /organizations/{org}/: details with access scopes; org:write to rename', async () => {
    const details = await api(acme.users.member.token).get<OrganizationJson>('/api/0/organizations/acme/');
    expect(details.status).toBe(200);
    expect(details.body.access).toEqual(expect.arrayContaining(['org:read', 'project:write']));
    expect(details.body.access).not.toContain('org:write');
    expect((await api(acme.users.member.token).put('/api/0/organizations/acme/', { name: 'x' })).status).toBe(
      403,
    );
    expect((await api(acme.users.viewer.token).put('/api/0/organizations/acme/', { name: 'x' })).status).toBe(
      403,
    );
    const renamed = await api(acme.users.admin.token).put<OrganizationJson>('/api/0/organizations/acme/', {
      name: 'Acme Inc',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Acme Inc');
    const bad = await api(acme.users.admin.token).put<{ errors: object }>('/api/0/organizations/acme/', {
      slug: '123',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toHaveProperty('slug');
    const taken = await api(acme.users.admin.token).put('/api/0/organizations/acme/', { slug: 'globex' });
    expect(taken.status).toBe(409);
    const [entry] = await t.fixloop.storage.audit.list({
      organizationId: acme.organization.id,
      action: 'organization.update',
      limit: 1,
      offset: 0,
    });
    expect(entry).toMatchObject({
      before: { slug: 'acme', name: 'Org acme' },
      after: { slug: 'acme', name: 'Acme Inc' },
      userId: acme.users.admin.user.id,
    });
    expect((await api(acme.users.viewer.token).get('/api/0/organizations/nope/')).status).toBe(404);
  });

  it('teams: create (creator joins), list, get with projects, delete; members cannot create', async () => {
    const admin = api(acme.users.admin.token);
    const created = await admin.post<TeamJson>('/api/0/organizations/acme/teams/', { name: 'Backend Team' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      slug: 'backend-team',
      name: 'Backend Team',
      isMember: true,
      memberCount: 1,
    });
    expect((await admin.post('/api/0/organizations/acme/teams/', { slug: 'backend-team' })).status).toBe(409);
    const invalid = await admin.post<{ errors: object }>('/api/0/organizations/acme/teams/', {});
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors).toHaveProperty('name');
    expect(
      (await api(acme.users.member.token).post('/api/0/organizations/acme/teams/', { name: 'x' })).status,
    ).toBe(403);

    await admin.post('/api/0/teams/acme/backend-team/projects/', { name: 'Billing API' });
    const list = await api(acme.users.viewer.token).get<TeamJson[]>('/api/0/organizations/acme/teams/');
    expect(list.body.map((team) => team.slug)).toContain('backend-team');
    const one = await api(acme.users.viewer.token).get<TeamJson>('/api/0/teams/acme/backend-team/');
    expect(one.body.isMember).toBe(false);
    expect(one.body.projects.map((p) => p.slug)).toEqual(['billing-api']);
    expect((await api(acme.users.viewer.token).get('/api/0/teams/acme/nope/')).status).toBe(404);

    expect((await api(acme.users.member.token).delete('/api/0/teams/acme/backend-team/')).status).toBe(403);
    expect((await admin.delete('/api/0/teams/acme/backend-team/')).status).toBe(204);
    expect((await admin.get('/api/0/teams/acme/backend-team/')).status).toBe(404);
    // The project outlives its team.
    expect((await admin.get('/api/0/projects/acme/billing-api/')).status).toBe(200);
  });

  it('documents every route of this area in the OpenAPI document, with scopes', async () => {
    const doc = await api(null).get<{
      paths: Record<string, Record<string, { 'x-fixloop-scope'?: string }>>;
    }>('/api/openapi.json');
    const paths = doc.body.paths;
    for (const path of [
      '/api/0/auth/login/',
      '/api/0/auth/session/',
      '/api/0/api-tokens/{tokenId}/',
      '/api/0/organizations/{org}/',
      '/api/0/teams/{org}/{team}/projects/',
      '/api/0/projects/{org}/{project}/keys/{keyId}/',
      '/api/0/organizations/{org}/members/{memberId}/teams/{team}/',
      '/api/0/organizations/{org}/audit-logs/',
    ]) {
      expect(paths).toHaveProperty([path]);
    }
    expect(paths['/api/0/projects/{org}/{project}/']?.['delete']?.['x-fixloop-scope']).toBe('project:admin');
  });
});
