import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawPost } from '../../testing/raw-http.ts';
import { TestApiClient } from '../../testing/test-api-client.ts';
import {
  TEST_BACKENDS,
  envelope,
  errorEvent,
  newEventId,
  startTestFixloop,
} from '../../testing/test-fixloop.ts';
import type { TestFixloop } from '../../testing/test-fixloop.ts';
import { createTestOrg } from '../accounts/create-test-tenancy.ts';
import type { TestOrg } from '../accounts/create-test-tenancy.ts';
import type { ProjectKeyJson } from './serialize-project-key.ts';

describe.each(TEST_BACKENDS)('project keys (%s)', (backend) => {
  let t: TestFixloop;
  let acme: TestOrg;
  const api = (token: string | null) => new TestApiClient(t.fixloop.url, token);
  const keysPath = '/api/0/projects/acme/acme-app/keys/';
  beforeAll(async () => {
    t = await startTestFixloop({ backend, env: { FIXLOOP_BASE_URL: 'https://errors.example.com/sub' } });
    acme = await createTestOrg(t.fixloop.storage, 'acme');
  });
  afterAll(() => t?.stop());

  /** A real ingest request, as @sentry/node sends it (key in the query string). */
  const ingest = (publicKey: string) => {
    const id = newEventId();
    return rawPost(
      t.url(`/api/${acme.project.id}/envelope/?sentry_key=${publicKey}&sentry_version=7`),
      Buffer.from(envelope({ event_id: id }, [[{ type: 'event' }, errorEvent(id)]])),
    );
  };

  it('lists keys in Sentry’s shape with DSNs under the public base URL', async () => {
    const response = await api(acme.users.viewer.token).get<ProjectKeyJson[]>(keysPath);
    expect(response.status).toBe(200);
    const id = acme.project.id;
    const key = acme.publicKey;
    expect(response.body).toEqual([
      {
        id: key,
        name: 'Default',
        label: 'Default',
        public: key,
        secret: null,
        isActive: true,
        rateLimit: null,
        dsn: {
          public: `https://${key}@errors.example.com/sub/${id}`,
          secret: `https://${key}@errors.example.com/sub/${id}`,
          csp: `https://errors.example.com/sub/api/${id}/csp-report/?sentry_key=${key}`,
          security: `https://errors.example.com/sub/api/${id}/security/?sentry_key=${key}`,
          minidump: `https://errors.example.com/sub/api/${id}/minidump/?sentry_key=${key}`,
        },
        dateCreated: expect.stringMatching(/Z$/) as unknown as string,
        projectId: id,
      },
    ]);
  });

  it('creates, renames and deletes keys with the right scopes; validates the body', async () => {
    expect((await api(acme.users.viewer.token).post(keysPath, { name: 'x' })).status).toBe(403);
    const created = await api(acme.users.member.token).post<ProjectKeyJson>(keysPath, { name: 'Mobile' });
    expect(created.status).toBe(201);
    expect(created.body.public).toMatch(/^[0-9a-f]{32}$/);
    expect(created.body.name).toBe('Mobile');
    const renamed = await api(acme.users.member.token).put<ProjectKeyJson>(`${keysPath}${created.body.id}/`, {
      name: 'iOS',
    });
    expect(renamed.body).toMatchObject({ name: 'iOS', label: 'iOS', isActive: true });
    const bad = await api(acme.users.member.token).put<{ errors: object }>(`${keysPath}${created.body.id}/`, {
      isActive: 'no',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toHaveProperty('isActive');
    expect(
      (await api(acme.users.member.token).put(`${keysPath}${'0'.repeat(32)}/`, { name: 'x' })).status,
    ).toBe(404);
    expect((await api(acme.users.member.token).delete(`${keysPath}${created.body.id}/`)).status).toBe(403);
    expect((await api(acme.users.admin.token).delete(`${keysPath}${created.body.id}/`)).status).toBe(204);
    const keys = await api(acme.users.admin.token).get<ProjectKeyJson[]>(keysPath);
    expect(keys.body.map((k) => k.id)).toEqual([acme.publicKey]);
    const actions = (
      await t.fixloop.storage.audit.list({ organizationId: acme.organization.id, limit: 10, offset: 0 })
    )
      .map((e) => e.action)
      .filter((a) => a.startsWith('project_key.'));
    expect(actions).toEqual(['project_key.remove', 'project_key.update', 'project_key.create']);
  });

  it('a deactivated key is refused by real ingest at once; reactivated, accepted again', async () => {
    const created = await api(acme.users.member.token).post<ProjectKeyJson>(keysPath, { name: 'Toggle' });
    const key = created.body.public;
    // The first request caches the key lookup (30 s TTL); deactivation must not wait for it.
    expect((await ingest(key)).status).toBe(200);
    const off = await api(acme.users.member.token).put<ProjectKeyJson>(`${keysPath}${key}/`, {
      isActive: false,
    });
    expect(off.body.isActive).toBe(false);
    const refused = await ingest(key);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatch(/disabled/);
    expect((await api(acme.users.member.token).put(`${keysPath}${key}/`, { isActive: true })).status).toBe(
      200,
    );
    expect((await ingest(key)).status).toBe(200);
    const [entry] = await t.fixloop.storage.audit.list({ action: 'project_key.update', limit: 1, offset: 0 });
    expect(entry).toMatchObject({ before: { isActive: false }, after: { isActive: true } });
  });

  it('a deleted key is refused by real ingest at once', async () => {
    const created = await api(acme.users.member.token).post<ProjectKeyJson>(keysPath, { name: 'Gone' });
    expect((await ingest(created.body.public)).status).toBe(200);
    await api(acme.users.admin.token).delete(`${keysPath}${created.body.public}/`);
    expect((await ingest(created.body.public)).status).toBe(403);
  });
});
