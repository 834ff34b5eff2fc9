import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApiClient } from '../../testing/test-api-client.ts';
import { TEST_BACKENDS, startTestFixloop } from '../../testing/test-fixloop.ts';
import type { TestFixloop } from '../../testing/test-fixloop.ts';
import { createTestOrg, createTestUser } from '../accounts/create-test-tenancy.ts';
import type { TestOrg } from '../accounts/create-test-tenancy.ts';
import { TestSessionClient } from '../accounts/test-session-client.ts';
import type { MemberJson } from './serialize-member.ts';
import type { TeamJson } from './serialize-team.ts';

describe.each(TEST_BACKENDS)('members and team membership (%s)', (backend) => {
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

  it('lists members with their user and teams; viewers may read', async () => {
    const response = await api(acme.users.viewer.token).get<MemberJson[]>(
      '/api/0/organizations/acme/members/',
    );
    expect(response.status).toBe(200);
    expect(response.body.map((m) => [m.email, m.role])).toEqual([
      [acme.users.owner.email, 'owner'],
      [acme.users.admin.email, 'admin'],
      [acme.users.member.email, 'member'],
      [acme.users.viewer.email, 'viewer'],
    ]);
    expect(response.body[0]).toMatchObject({
      id: String(acme.users.owner.user.id),
      orgRole: 'owner',
      user: { id: String(acme.users.owner.user.id), email: acme.users.owner.email },
      teams: [],
      pending: false,
    });
    expect(response.headers.get('link')).toContain('results="false"');
  });

  it('adds a new person by email: creates the user with a one-time password, returned once', async () => {
    const added = await api(acme.users.admin.token).post<MemberJson>('/api/0/organizations/acme/members/', {
      email: 'New.Person@Example.com',
      role: 'member',
      teams: ['web'],
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ email: 'new.person@example.com', role: 'member', teams: ['web'] });
    const password = added.body.oneTimePassword ?? '';
    expect(password.length).toBeGreaterThanOrEqual(16);
    const session = await TestSessionClient.login(t.fixloop.url, 'new.person@example.com', password);
    const me = await session.get<{ user: { mustChangePassword: boolean } }>('/api/0/auth/session/');
    expect(me.body.user.mustChangePassword).toBe(true);
    // The audit entry has the member, never the password.
    const [entry] = await t.fixloop.storage.audit.list({ action: 'member.add', limit: 1, offset: 0 });
    expect(entry?.after).toEqual({
      email: 'new.person@example.com',
      role: 'member',
      teams: ['web'],
      userCreated: true,
    });
    expect(JSON.stringify(entry)).not.toContain(password);
    const again = await api(acme.users.admin.token).post('/api/0/organizations/acme/members/', {
      email: 'new.person@example.com',
    });
    expect(again.status).toBe(409);
  });

  it('adds an existing user without a password; validates email, role and teams', async () => {
    const existing = await createTestUser(t.fixloop.storage);
    const added = await api(acme.users.owner.token).post<MemberJson>('/api/0/organizations/acme/members/', {
      email: existing.email,
      orgRole: 'viewer',
    });
    expect(added.status).toBe(201);
    expect(added.body.role).toBe('viewer');
    expect(added.body).not.toHaveProperty('oneTimePassword');
    const owner = api(acme.users.owner.token);
    for (const [body, field] of [
      [{ email: 'not-an-email' }, 'email'],
      [{ email: 'x@example.com', role: 'god' }, 'role'],
      [{ email: 'x@example.com', teams: ['nope'] }, 'teams'],
    ] as const) {
      const response = await owner.post<{ errors: object }>('/api/0/organizations/acme/members/', body);
      expect(response.status).toBe(400);
      expect(response.body.errors).toHaveProperty(field);
    }
  });

  it('members and viewers cannot manage members; admins cannot create or touch owners', async () => {
    const add = (token: string, role: string) =>
      api(token).post('/api/0/organizations/acme/members/', {
        email: `${role}-${Math.random()}@example.com`,
        role,
      });
    expect((await add(acme.users.member.token, 'member')).status).toBe(403);
    expect((await add(acme.users.viewer.token, 'viewer')).status).toBe(403);
    expect((await add(acme.users.admin.token, 'owner')).status).toBe(403);
    const ownerId = acme.users.owner.user.id;
    const admin = api(acme.users.admin.token);
    expect(
      (await admin.put(`/api/0/organizations/acme/members/${ownerId}/`, { role: 'member' })).status,
    ).toBe(403);
    expect((await admin.delete(`/api/0/organizations/acme/members/${ownerId}/`)).status).toBe(403);
    const memberId = acme.users.member.user.id;
    expect(
      (
        await api(acme.users.member.token).put(
          `/api/0/organizations/acme/members/${acme.users.viewer.user.id}/`,
          {
            role: 'admin',
          },
        )
      ).status,
    ).toBe(403);
    expect(
      (await admin.put(`/api/0/organizations/acme/members/${memberId}/`, { role: 'owner' })).status,
    ).toBe(403);
  });

  it('changes roles with an audit trail; validates the role', async () => {
    const target = await createTestUser(t.fixloop.storage, {
      organizationId: acme.organization.id,
      role: 'viewer',
    });
    const path = `/api/0/organizations/acme/members/${target.user.id}/`;
    const changed = await api(acme.users.admin.token).put<MemberJson>(path, { role: 'member' });
    expect(changed.status).toBe(200);
    expect(changed.body.role).toBe('member');
    expect((await t.fixloop.storage.accounts.getMembership(acme.organization.id, target.user.id))?.role).toBe(
      'member',
    );
    const bad = await api(acme.users.admin.token).put<{ errors: object }>(path, { role: 'superhero' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toHaveProperty('role');
    const missing = await api(acme.users.admin.token).put<{ errors: object }>(path, {});
    expect(missing.body.errors).toHaveProperty('role');
    const [entry] = await t.fixloop.storage.audit.list({
      target: `member:${target.user.id}`,
      limit: 1,
      offset: 0,
    });
    expect(entry).toMatchObject({
      action: 'member.update',
      before: { email: target.email, role: 'viewer' },
      after: { email: target.email, role: 'member' },
    });
    expect(
      (await api(acme.users.admin.token).put('/api/0/organizations/acme/members/999999/', { role: 'member' }))
        .status,
    ).toBe(404);
  });

  it('the last owner can be neither demoted nor removed (409), even by themselves', async () => {
    const solo = await createTestOrg(t.fixloop.storage, 'solo');
    const owner = api(solo.users.owner.token);
    const ownerPath = `/api/0/organizations/solo/members/${solo.users.owner.user.id}/`;
    const demote = await owner.put<{ detail: string }>(ownerPath, { role: 'admin' });
    expect(demote.status).toBe(409);
    expect(demote.body.detail).toMatch(/last owner/);
    expect((await owner.delete('/api/0/organizations/solo/members/me/')).status).toBe(409);
    // With a second owner, the first may step down.
    const promote = await owner.put(`/api/0/organizations/solo/members/${solo.users.admin.user.id}/`, {
      role: 'owner',
    });
    expect(promote.status).toBe(200);
    expect((await owner.put(ownerPath, { role: 'admin' })).status).toBe(200);
    expect(
      (
        await api(solo.users.admin.token).delete(
          `/api/0/organizations/solo/members/${solo.users.owner.user.id}/`,
        )
      ).status,
    ).toBe(204);
  });

  it('removes members (they lose access at once) and anyone may leave', async () => {
    const leaving = await createTestUser(t.fixloop.storage, {
      organizationId: acme.organization.id,
      role: 'viewer',
    });
    expect((await api(leaving.token).get('/api/0/organizations/acme/')).status).toBe(200);
    expect((await api(leaving.token).delete('/api/0/organizations/acme/members/me/')).status).toBe(204);
    expect((await api(leaving.token).get('/api/0/organizations/acme/')).status).toBe(404);

    const removed = await createTestUser(t.fixloop.storage, {
      organizationId: acme.organization.id,
      role: 'member',
    });
    expect(
      (await api(acme.users.member.token).delete(`/api/0/organizations/acme/members/${removed.user.id}/`))
        .status,
    ).toBe(403);
    expect(
      (await api(acme.users.admin.token).delete(`/api/0/organizations/acme/members/${removed.user.id}/`))
        .status,
    ).toBe(204);
    expect((await api(removed.token).get('/api/0/organizations/acme/projects/')).status).toBe(404);
    const [entry] = await t.fixloop.storage.audit.list({
      action: 'member.remove',
      target: `member:${removed.user.id}`,
      limit: 1,
      offset: 0,
    });
    expect(entry?.before).toEqual({ email: removed.email, role: 'member' });
  });

  it('team membership: join yourself, admins add others, members cannot add others', async () => {
    const base = '/api/0/organizations/acme/members';
    const viewerId = acme.users.viewer.user.id;
    const joined = await api(acme.users.member.token).post<TeamJson>(`${base}/me/teams/web/`);
    expect(joined.status).toBe(201);
    expect(joined.body).toMatchObject({ slug: 'web', isMember: true });
    expect((await api(acme.users.member.token).post(`${base}/me/teams/web/`)).status).toBe(204);
    expect((await api(acme.users.member.token).post(`${base}/${viewerId}/teams/web/`)).status).toBe(403);
    expect((await api(acme.users.admin.token).post(`${base}/${viewerId}/teams/web/`)).status).toBe(201);
    const members = await api(acme.users.admin.token).get<MemberJson[]>(`${base}/`);
    expect(members.body.find((m) => m.id === String(viewerId))?.teams).toEqual(['web']);
    expect((await api(acme.users.admin.token).post(`${base}/${viewerId}/teams/nope/`)).status).toBe(404);
    expect((await api(acme.users.admin.token).post(`${base}/999999/teams/web/`)).status).toBe(404);

    const left = await api(acme.users.admin.token).delete<TeamJson>(`${base}/${viewerId}/teams/web/`);
    expect(left.status).toBe(200);
    expect((await api(acme.users.admin.token).delete(`${base}/${viewerId}/teams/web/`)).status).toBe(404);
    const entries = await t.fixloop.storage.audit.list({ action: 'team_member.remove', limit: 5, offset: 0 });
    expect(entries[0]?.before).toEqual({ team: 'web', member: acme.users.viewer.email });
  });
});
