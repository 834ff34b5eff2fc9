import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiToken } from '../../bootstrap/bootstrap-accounts.ts';
import { TestApiClient } from '../../testing/test-api-client.ts';
import { TEST_BACKENDS, startTestFixloop } from '../../testing/test-fixloop.ts';
import type { TestFixloop } from '../../testing/test-fixloop.ts';
import { TEST_PASSWORD, createTestOrg } from './create-test-tenancy.ts';
import type { TestOrg } from './create-test-tenancy.ts';
import type { ApiTokenJson } from './serialize-api-token.ts';
import { TestSessionClient } from './test-session-client.ts';

describe.each(TEST_BACKENDS)('API tokens (%s)', (backend) => {
  let t: TestFixloop;
  let acme: TestOrg;
  const api = (token: string | null) => new TestApiClient(t.fixloop.url, token);
  beforeAll(async () => {
    t = await startTestFixloop({ backend, env: { FIXLOOP_ADMIN_TOKEN: 'admin-token-0123456789abcdef' } });
    acme = await createTestOrg(t.fixloop.storage, 'acme');
  });
  afterAll(() => t?.stop());

  it('creates a token shown once (fxl_ + 40 hex), stored hashed, usable with its scopes', async () => {
    const session = await TestSessionClient.login(t.fixloop.url, acme.users.member.email, TEST_PASSWORD);
    const created = await session.request<ApiTokenJson>('POST', '/api/0/api-tokens/', {
      name: 'CI',
      scopes: ['project:read', 'event:read'],
    });
    expect(created.status).toBe(201);
    const token = created.body.token ?? '';
    expect(token).toMatch(/^fxl_[0-9a-f]{40}$/);
    expect(created.body).toMatchObject({
      name: 'CI',
      scopes: ['project:read', 'event:read'],
      tokenPrefix: token.slice(0, 8),
      tokenLastCharacters: token.slice(-4),
      dateLastUsed: null,
    });
    expect(created.body.dateCreated).toMatch(/Z$/);
    const stored = await t.fixloop.storage.accounts.findApiTokenByHash(hashApiToken(token));
    expect(stored?.id).toBe(Number(created.body.id));

    const me = await api(token).get<{ auth: { scopes: string[] } }>('/api/0/');
    expect(me.body.auth.scopes.sort()).toEqual(['event:read', 'project:read']);
    expect((await api(token).get('/api/0/projects/acme/acme-app/')).status).toBe(200);
    // Read-only scopes: a write is refused even though the member role could do it.
    expect((await api(token).post('/api/0/projects/acme/acme-app/keys/', {})).status).toBe(403);

    const listed = await session.get<ApiTokenJson[]>('/api/0/api-tokens/');
    const entry = listed.body.find((t) => t.id === created.body.id);
    expect(entry).toBeDefined();
    expect(entry).not.toHaveProperty('token');
    expect(JSON.stringify(listed.body)).not.toContain(stored?.tokenHash ?? 'x');
    expect(JSON.stringify(listed.body)).not.toContain(token);
  });

  it('records when a token was last used, visible in the list', async () => {
    const { token } = acme.users.viewer;
    const before = await api(token).get<ApiTokenJson[]>('/api/0/api-tokens/');
    expect(before.status).toBe(200);
    const after = await api(token).get<ApiTokenJson[]>('/api/0/api-tokens/');
    expect(after.body[0]?.dateLastUsed).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
  });

  it('validates scopes and name, naming the field', async () => {
    const bad = await api(acme.users.member.token).post<{ errors: object }>('/api/0/api-tokens/', {
      scopes: ['project:read', 'root:everything'],
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors)).toEqual(['scopes.1']);
    const empty = await api(acme.users.member.token).post<{ errors: object }>('/api/0/api-tokens/', {
      scopes: [],
    });
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toHaveProperty('scopes');
    const longName = await api(acme.users.member.token).post<{ errors: object }>('/api/0/api-tokens/', {
      name: 'x'.repeat(101),
      scopes: ['org:read'],
    });
    expect(longName.body.errors).toHaveProperty('name');
  });

  it('a token cannot mint a token with scopes it lacks; a userless token cannot mint at all', async () => {
    const created = await api(acme.users.member.token).post<ApiTokenJson>('/api/0/api-tokens/', {
      scopes: ['org:read'],
    });
    const narrow = created.body.token ?? '';
    const escalate = await api(narrow).post('/api/0/api-tokens/', { scopes: ['org:read', 'project:write'] });
    expect(escalate.status).toBe(403);
    expect((await api(narrow).post('/api/0/api-tokens/', { scopes: ['org:read'] })).status).toBe(201);
    const admin = await api('admin-token-0123456789abcdef').post('/api/0/api-tokens/', {
      scopes: ['org:read'],
    });
    expect(admin.status).toBe(403);
  });

  it('revokes: the token stops working (401) and the list no longer shows it', async () => {
    const created = await api(acme.users.member.token).post<ApiTokenJson>('/api/0/api-tokens/', {
      name: 'to revoke',
      scopes: ['org:read'],
    });
    const secret = created.body.token ?? '';
    expect((await api(secret).get('/api/0/organizations/')).status).toBe(200);
    const revoked = await api(acme.users.member.token).delete(`/api/0/api-tokens/${created.body.id}/`);
    expect(revoked.status).toBe(204);
    expect((await api(secret).get('/api/0/organizations/')).status).toBe(401);
    const list = await api(acme.users.member.token).get<ApiTokenJson[]>('/api/0/api-tokens/');
    expect(list.body.map((t) => t.id)).not.toContain(created.body.id);
    expect((await api(acme.users.member.token).delete(`/api/0/api-tokens/${created.body.id}/`)).status).toBe(
      404,
    );
    expect((await api(acme.users.member.token).delete('/api/0/api-tokens/abc/')).status).toBe(400);
  });

  it("users cannot see or revoke each other's tokens (404)", async () => {
    const created = await api(acme.users.viewer.token).post<ApiTokenJson>('/api/0/api-tokens/', {
      scopes: ['org:read'],
    });
    const other = await api(acme.users.member.token).delete(`/api/0/api-tokens/${created.body.id}/`);
    expect(other.status).toBe(404);
    const list = await api(acme.users.member.token).get<ApiTokenJson[]>('/api/0/api-tokens/');
    expect(list.body.map((t) => t.id)).not.toContain(created.body.id);
  });

  it('org admins list their members’ tokens and revoke those of equal or lower role, never an owner’s', async () => {
    const adminApi = api(acme.users.admin.token);
    const listed = await adminApi.get<ApiTokenJson[]>('/api/0/api-tokens/?organization=acme');
    expect(listed.status).toBe(200);
    const owners = new Set(listed.body.map((t) => t.user?.email));
    expect(owners).toContain(acme.users.member.email);
    expect(owners).toContain(acme.users.admin.email);
    expect(owners).not.toContain(acme.users.owner.email);

    const memberToken = await api(acme.users.member.token).post<ApiTokenJson>('/api/0/api-tokens/', {
      scopes: ['org:read'],
    });
    expect((await adminApi.delete(`/api/0/api-tokens/${memberToken.body.id}/`)).status).toBe(204);
    const ownerToken = await api(acme.users.owner.token).post<ApiTokenJson>('/api/0/api-tokens/', {
      scopes: ['org:read'],
    });
    expect((await adminApi.delete(`/api/0/api-tokens/${ownerToken.body.id}/`)).status).toBe(404);
    expect(
      (await api(acme.users.owner.token).delete(`/api/0/api-tokens/${ownerToken.body.id}/`)).status,
    ).toBe(204);

    const ownerList = await api(acme.users.owner.token).get<ApiTokenJson[]>(
      '/api/0/api-tokens/?organization=acme',
    );
    expect(new Set(ownerList.body.map((t) => t.user?.email))).toContain(acme.users.owner.email);
    const memberList = await api(acme.users.member.token).get('/api/0/api-tokens/?organization=acme');
    expect(memberList.status).toBe(403);
  });

  it('the audit log records token creation and revocation without the token or its hash', async () => {
    const created = await api(acme.users.admin.token).post<ApiTokenJson>('/api/0/api-tokens/', {
      name: 'audited',
      scopes: ['org:read'],
    });
    const memberToken = await api(acme.users.member.token).post<ApiTokenJson>('/api/0/api-tokens/', {
      scopes: ['org:read'],
    });
    await api(acme.users.admin.token).delete(`/api/0/api-tokens/${memberToken.body.id}/`);
    const [createEntry] = await t.fixloop.storage.audit.list({
      action: 'token.create',
      target: `token:${created.body.id}`,
      limit: 1,
      offset: 0,
    });
    expect(createEntry).toMatchObject({
      organizationId: null,
      userId: acme.users.admin.user.id,
      after: { name: 'audited', scopes: ['org:read'], userId: acme.users.admin.user.id },
    });
    const [revokeEntry] = await t.fixloop.storage.audit.list({
      action: 'token.revoke',
      target: `token:${memberToken.body.id}`,
      limit: 1,
      offset: 0,
    });
    expect(revokeEntry).toMatchObject({
      organizationId: acme.organization.id,
      userId: acme.users.admin.user.id,
      before: { userId: acme.users.member.user.id },
    });
    const serialized = JSON.stringify([createEntry, revokeEntry]);
    expect(serialized).not.toContain(created.body.token ?? 'x');
    expect(serialized).not.toContain(hashApiToken(created.body.token ?? ''));
  });
});
