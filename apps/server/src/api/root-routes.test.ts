import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUserToken, TestApiClient } from '../testing/test-api-client.ts';
import { startTestFixloop } from '../testing/test-fixloop.ts';
import type { TestFixloop } from '../testing/test-fixloop.ts';

describe('Web API root, auth and OpenAPI', () => {
  let t: TestFixloop;
  beforeAll(async () => {
    t = await startTestFixloop({ env: { FIXLOOP_ADMIN_TOKEN: 'admin-token-0123456789abcdef' } });
  });
  afterAll(() => t.stop());

  it('GET /api/0/ answers anonymous callers with auth null, like Sentry', async () => {
    const response = await new TestApiClient(t.fixloop.url, null).get('/api/0/');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ version: '0', auth: null, user: null });
  });

  it('GET /api/0/ reports the scopes of a valid token and its user', async () => {
    const admin = await new TestApiClient(t.fixloop.url, 'admin-token-0123456789abcdef').get<{
      auth: { scopes: string[] };
      user: unknown;
    }>('/api/0/');
    expect(admin.status).toBe(200);
    expect(admin.body.auth.scopes).toContain('project:releases');
    expect(admin.body.user).toBeNull();
    const { user, token } = await createTestUserToken(t.fixloop.storage, {
      scopes: ['event:read', 'org:admin'],
    });
    const scoped = await new TestApiClient(t.fixloop.url, token).get<{
      auth: { scopes: string[] };
      user: { email: string };
    }>('/api/0/');
    // A user with no membership keeps only the read scopes its token has.
    expect(scoped.body.auth.scopes).toEqual(['event:read']);
    expect(scoped.body.user.email).toBe(user.email);
  });

  it('rejects an unknown or malformed token with 401 and a detail', async () => {
    for (const header of ['Bearer nope', 'Basic abc']) {
      const response = await fetch(t.url('/api/0/'), { headers: { authorization: header } });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { detail: string }).detail).toMatch(/token|authorization/i);
    }
  });

  it('records when a token was last used', async () => {
    const { token, user } = await createTestUserToken(t.fixloop.storage);
    await new TestApiClient(t.fixloop.url, token).get('/api/0/');
    const tokens = await Promise.all([t.fixloop.storage.accounts.getUser(user.id)]);
    expect(tokens[0]).not.toBeNull();
    const { hashApiToken } = await import('../bootstrap/bootstrap-accounts.ts');
    const stored = await t.fixloop.storage.accounts.findApiTokenByHash(hashApiToken(token));
    expect(stored?.lastUsedAt).toBeInstanceOf(Date);
  });

  it('serves an OpenAPI 3.1 document that lists its own routes', async () => {
    const response = await new TestApiClient(t.fixloop.url, null).get<{
      openapi: string;
      paths: Record<string, unknown>;
    }>('/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/api/0/', '/api/openapi.json']),
    );
  });
});
