import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApiClient } from '../../testing/test-api-client.ts';
import { TEST_BACKENDS, startTestFixloop } from '../../testing/test-fixloop.ts';
import type { TestFixloop } from '../../testing/test-fixloop.ts';
import { TEST_PASSWORD, createTestOrg } from '../accounts/create-test-tenancy.ts';
import type { TestOrg } from '../accounts/create-test-tenancy.ts';
import { TestSessionClient } from '../accounts/test-session-client.ts';

type Call = [method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown];

/**
 * Tenant isolation: the OWNER of organization A (its strongest role), by token and by session, gets
 * 404 on every endpoint of this area that names organization B or one of B's resources, and B is
 * unchanged afterwards.
 */
describe.each(TEST_BACKENDS)('tenant isolation of accounts, organizations and projects (%s)', (backend) => {
  let t: TestFixloop;
  let a: TestOrg;
  let b: TestOrg;
  let calls: Call[];
  beforeAll(async () => {
    t = await startTestFixloop({ backend });
    a = await createTestOrg(t.fixloop.storage, 'org-a');
    b = await createTestOrg(t.fixloop.storage, 'org-b');
    const storage = t.fixloop.storage;
    const team = await storage.teams.createTeam({
      organizationId: b.organization.id,
      slug: 'b-team',
      name: 'B',
    });
    await storage.teams.addTeamMember(team.id, b.users.member.user.id);
    const [bToken] = await storage.accounts.listApiTokens({ userId: b.users.owner.user.id });
    const bOwner = b.users.owner.user.id;
    const bMember = b.users.member.user.id;
    const project = `/api/0/projects/org-b/${b.project.slug}`;
    calls = [
      ['GET', '/api/0/organizations/org-b/'],
      ['PUT', '/api/0/organizations/org-b/', { name: 'pwned' }],
      ['GET', '/api/0/organizations/org-b/projects/'],
      ['POST', '/api/0/organizations/org-b/projects/', { name: 'Intruder' }],
      ['POST', '/api/0/teams/org-b/b-team/projects/', { name: 'Intruder' }],
      ['GET', `${project}/`],
      ['PUT', `${project}/`, { name: 'pwned' }],
      ['DELETE', `${project}/`],
      ['GET', `${project}/keys/`],
      ['POST', `${project}/keys/`, { name: 'intruder' }],
      ['PUT', `${project}/keys/${b.publicKey}/`, { isActive: false }],
      ['DELETE', `${project}/keys/${b.publicKey}/`],
      // B's key addressed through A's own project.
      ['PUT', `/api/0/projects/org-a/${a.project.slug}/keys/${b.publicKey}/`, { isActive: false }],
      ['DELETE', `/api/0/projects/org-a/${a.project.slug}/keys/${b.publicKey}/`],
      ['GET', '/api/0/organizations/org-b/teams/'],
      ['POST', '/api/0/organizations/org-b/teams/', { slug: 'intruders' }],
      ['GET', '/api/0/teams/org-b/b-team/'],
      ['DELETE', '/api/0/teams/org-b/b-team/'],
      ['GET', '/api/0/organizations/org-b/members/'],
      ['POST', '/api/0/organizations/org-b/members/', { email: 'spy@example.com', role: 'owner' }],
      ['PUT', `/api/0/organizations/org-b/members/${bMember}/`, { role: 'viewer' }],
      ['DELETE', `/api/0/organizations/org-b/members/${bMember}/`],
      // B's member addressed through A.
      ['PUT', `/api/0/organizations/org-a/members/${bOwner}/`, { role: 'viewer' }],
      ['DELETE', `/api/0/organizations/org-a/members/${bOwner}/`],
      ['POST', `/api/0/organizations/org-b/members/${bOwner}/teams/b-team/`],
      ['DELETE', `/api/0/organizations/org-b/members/${bMember}/teams/b-team/`],
      ['POST', '/api/0/organizations/org-b/members/me/teams/b-team/'],
      ['GET', '/api/0/organizations/org-b/audit-logs/'],
      ['GET', '/api/0/api-tokens/?organization=org-b'],
      ['DELETE', `/api/0/api-tokens/${bToken?.id ?? 0}/`],
    ];
  });
  afterAll(() => t?.stop());

  it.each(['token', 'session'] as const)(
    'org A’s owner by %s gets 404 on every org-B endpoint',
    async (kind) => {
      const token = new TestApiClient(t.fixloop.url, a.users.owner.token);
      const session =
        kind === 'session'
          ? await TestSessionClient.login(t.fixloop.url, a.users.owner.email, TEST_PASSWORD)
          : null;
      const failures: string[] = [];
      for (const [method, path, body] of calls) {
        const response = session
          ? await session.request(method, path, body)
          : await token.request(method, path, body);
        if (response.status !== 404) failures.push(`${method} ${path} -> ${response.status}`);
      }
      expect(failures).toEqual([]);
      expect(calls.length).toBeGreaterThanOrEqual(30);

      // Nothing of B changed.
      const storage = t.fixloop.storage;
      expect((await storage.projects.getOrganizationBySlug('org-b'))?.name).toBe('Org org-b');
      expect((await storage.projects.listProjects(b.organization.id)).map((p) => p.slug)).toEqual([
        b.project.slug,
      ]);
      expect((await storage.projects.findKey(b.publicKey))?.key.isActive).toBe(true);
      expect((await storage.projects.listKeys(b.project.id)).length).toBe(1);
      expect((await storage.teams.listTeams(b.organization.id)).map((x) => x.slug)).toEqual(['b-team']);
      expect((await storage.teams.listTeamMemberships(b.organization.id)).length).toBe(1);
      const members = await storage.accounts.listMembers(b.organization.id);
      expect(members.map((m) => m.role)).toEqual(['owner', 'admin', 'member', 'viewer']);
      expect(await storage.accounts.findUserByEmail('spy@example.com')).toBeNull();
      expect((await new TestApiClient(t.fixloop.url, b.users.owner.token).get('/api/0/')).status).toBe(200);
      expect(await storage.accounts.getMembership(a.organization.id, b.users.owner.user.id)).toBeNull();
    },
  );

  it('lists never show organization B to A’s users', async () => {
    const orgs = await new TestApiClient(t.fixloop.url, a.users.owner.token).get<{ slug: string }[]>(
      '/api/0/organizations/',
    );
    expect(orgs.body.map((o) => o.slug)).toEqual(['org-a']);
    const session = await TestSessionClient.login(t.fixloop.url, a.users.viewer.email, TEST_PASSWORD);
    const me = await session.get<{ organizations: { slug: string }[] }>('/api/0/auth/session/');
    expect(me.body.organizations.map((o) => o.slug)).toEqual(['org-a']);
    const tokens = await new TestApiClient(t.fixloop.url, a.users.owner.token).get<
      { user: { email: string } }[]
    >('/api/0/api-tokens/?organization=org-a');
    expect(tokens.body.map((x) => x.user.email)).not.toContain(b.users.owner.email);
  });
});
