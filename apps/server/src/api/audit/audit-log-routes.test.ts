import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApiClient } from '../../testing/test-api-client.ts';
import { TEST_BACKENDS, startTestFixloop } from '../../testing/test-fixloop.ts';
import type { TestFixloop } from '../../testing/test-fixloop.ts';
import { TEST_PASSWORD, createTestOrg } from '../accounts/create-test-tenancy.ts';
import type { TestOrg } from '../accounts/create-test-tenancy.ts';
import { TestSessionClient } from '../accounts/test-session-client.ts';
import type { AuditEntryJson } from './serialize-audit-entry.ts';

describe.each(TEST_BACKENDS)('audit log API (%s)', (backend) => {
  let t: TestFixloop;
  let acme: TestOrg;
  const api = (token: string | null) => new TestApiClient(t.fixloop.url, token);
  const path = '/api/0/organizations/acme/audit-logs/';
  beforeAll(async () => {
    t = await startTestFixloop({ backend });
    acme = await createTestOrg(t.fixloop.storage, 'acme');
    await createTestOrg(t.fixloop.storage, 'globex');
    // Three changes by a token, one by a session, one in another organization.
    const admin = api(acme.users.admin.token);
    await admin.post('/api/0/organizations/acme/teams/', { slug: 'one' });
    await admin.post('/api/0/organizations/acme/teams/', { slug: 'two' });
    await admin.delete('/api/0/teams/acme/one/');
    const session = await TestSessionClient.login(t.fixloop.url, acme.users.owner.email, TEST_PASSWORD);
    await session.request('PUT', '/api/0/organizations/acme/', { name: 'Acme Renamed' });
    await api(acme.users.admin.token).get('/api/0/');
    await api((await createTestOrg(t.fixloop.storage, 'initech')).users.admin.token).post(
      '/api/0/organizations/initech/teams/',
      { slug: 'elsewhere' },
    );
  });
  afterAll(() => t?.stop());

  it('lists the organization’s entries newest first: who (user or token), what, when, before/after', async () => {
    const response = await api(acme.users.owner.token).get<{ rows: AuditEntryJson[] }>(path);
    expect(response.status).toBe(200);
    const rows = response.body.rows;
    expect(rows.map((r) => r.event)).toEqual([
      'organization.update',
      'team.remove',
      'team.create',
      'team.create',
    ]);
    expect(rows[0]).toMatchObject({
      actor: {
        type: 'user',
        name: `user:${acme.users.owner.email}`,
        userId: String(acme.users.owner.user.id),
        tokenId: null,
      },
      target: `organization:${acme.organization.id}`,
      before: { name: 'Org acme' },
      after: { name: 'Acme Renamed' },
    });
    expect(rows[0]?.dateCreated).toMatch(/^\d{4}-.*Z$/);
    expect(rows[1]).toMatchObject({
      actor: { type: 'token', userId: String(acme.users.admin.user.id) },
      before: { slug: 'one' },
    });
    expect(JSON.stringify(rows)).not.toContain('elsewhere');
  });

  it('filters by action (or Sentry’s event) and target, and paginates with Link', async () => {
    const owner = api(acme.users.owner.token);
    const creates = await owner.get<{ rows: AuditEntryJson[] }>(`${path}?action=team.create`);
    expect(creates.body.rows.map((r) => r.after)).toEqual([
      { slug: 'two', name: 'two' },
      { slug: 'one', name: 'one' },
    ]);
    const byEvent = await owner.get<{ rows: AuditEntryJson[] }>(`${path}?event=team.remove`);
    expect(byEvent.body.rows).toHaveLength(1);
    const target = byEvent.body.rows[0]?.target ?? '';
    const byTarget = await owner.get<{ rows: AuditEntryJson[] }>(
      `${path}?target=${encodeURIComponent(target)}`,
    );
    expect(byTarget.body.rows.map((r) => r.event).sort()).toEqual(['team.create', 'team.remove']);

    const first = await owner.get<{ rows: AuditEntryJson[] }>(`${path}?limit=3`);
    expect(first.body.rows).toHaveLength(3);
    expect(first.headers.get('link')).toContain('rel="next"; results="true"; cursor="0:3:0"');
    const second = await owner.get<{ rows: AuditEntryJson[] }>(`${path}?limit=3&cursor=0:3:0`);
    expect(second.body.rows.map((r) => r.event)).toEqual(['team.create']);
    expect(second.headers.get('link')).toContain('rel="next"; results="false"');
    expect((await owner.get<{ errors: object }>(`${path}?cursor=abc`)).status).toBe(400);
  });

  it('needs org:write: owners and admins read it, members and viewers get 403', async () => {
    expect((await api(acme.users.admin.token).get(path)).status).toBe(200);
    expect((await api(acme.users.member.token).get(path)).status).toBe(403);
    expect((await api(acme.users.viewer.token).get(path)).status).toBe(403);
  });
});
