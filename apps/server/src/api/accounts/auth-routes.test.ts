import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BACKENDS, startTestFixloop } from '../../testing/test-fixloop.ts';
import type { TestFixloop } from '../../testing/test-fixloop.ts';
import { TEST_PASSWORD, createTestOrg, createTestUser } from './create-test-tenancy.ts';
import type { TestOrg } from './create-test-tenancy.ts';
import { hashSessionId } from './session-manager.ts';
import { TestSessionClient } from './test-session-client.ts';

interface SessionBody {
  user: { id: string; email: string; name: string; mustChangePassword: boolean; isSuperuser: boolean };
  csrfToken: string;
  organizations: { id: string; slug: string; name: string; role: string }[];
}

describe.each(TEST_BACKENDS)('dashboard sessions (%s)', (backend) => {
  let t: TestFixloop;
  let acme: TestOrg;
  beforeAll(async () => {
    t = await startTestFixloop({ backend });
    acme = await createTestOrg(t.fixloop.storage, 'acme');
  });
  afterAll(() => t?.stop());

  it('logs in: 200 with the user and a CSRF token, an HttpOnly SameSite=Lax cookie, only a hash stored', async () => {
    const { email } = acme.users.member;
    const response = await fetch(t.url('/api/0/auth/login/'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: email.toUpperCase(), password: TEST_PASSWORD }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as SessionBody;
    expect(body.user).toEqual({
      id: String(acme.users.member.user.id),
      email,
      name: acme.users.member.user.name,
      mustChangePassword: false,
      isSuperuser: false,
    });
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^fixloop_session=[\w-]{40,}; HttpOnly; SameSite=Lax; Path=\/; Max-Age=\d+$/);
    expect(cookie).not.toContain('Secure');
    const value = /^fixloop_session=([^;]+)/.exec(cookie)?.[1] ?? '';
    expect(await t.fixloop.storage.sessions.findSession(value)).toBeNull();
    expect(await t.fixloop.storage.sessions.findSession(hashSessionId(value))).toMatchObject({
      userId: acme.users.member.user.id,
      csrfToken: body.csrfToken,
    });
  });

  it('answers 401 with one message for an unknown email and a wrong password', async () => {
    const post = (email: string, password: string) =>
      fetch(t.url('/api/0/auth/login/'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
    const unknown = await post('nobody@example.com', TEST_PASSWORD);
    const wrong = await post(acme.users.viewer.email, 'wrong-password');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
    expect(unknown.headers.get('set-cookie')).toBeNull();
  });

  it('validates the login body, naming the field', async () => {
    const response = await fetch(t.url('/api/0/auth/login/'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@example.com' }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: Record<string, string[]> }).errors).toHaveProperty(
      'password',
    );
  });

  it('GET /auth/session/ returns the user, CSRF token and only their organizations; 401 without a session', async () => {
    await createTestOrg(t.fixloop.storage, 'other-org');
    const session = await TestSessionClient.login(t.fixloop.url, acme.users.admin.email, TEST_PASSWORD);
    const response = await session.get<SessionBody>('/api/0/auth/session/');
    expect(response.status).toBe(200);
    expect(response.body.csrfToken).toBe(session.csrfToken);
    expect(response.body.user.email).toBe(acme.users.admin.email);
    expect(response.body.organizations).toEqual([
      { id: String(acme.organization.id), slug: 'acme', name: 'Org acme', role: 'admin' },
    ]);
    const anonymous = await fetch(t.url('/api/0/auth/session/'));
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { detail: string }).detail).toBeTruthy();
    const forged = await fetch(t.url('/api/0/auth/session/'), {
      headers: { cookie: 'fixloop_session=forged' },
    });
    expect(forged.status).toBe(401);
  });

  it('enforces CSRF on mutating requests of a cookie session (403 without X-CSRF-Token)', async () => {
    const session = await TestSessionClient.login(t.fixloop.url, acme.users.owner.email, TEST_PASSWORD);
    const body = { name: 'Renamed by session' };
    const path = `/api/0/organizations/acme/`;
    const missing = await session.request('PUT', path, body, { csrf: false });
    expect(missing.status).toBe(403);
    expect((missing.body as { detail: string }).detail).toMatch(/CSRF/);
    const wrong = await fetch(t.url(path), {
      method: 'PUT',
      headers: { cookie: session.cookie ?? '', 'x-csrf-token': 'nope', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(wrong.status).toBe(403);
    expect((await t.fixloop.storage.projects.getOrganizationBySlug('acme'))?.name).toBe('Org acme');
    const ok = await session.request<{ name: string }>('PUT', path, body);
    expect(ok.status).toBe(200);
    expect(ok.body.name).toBe('Renamed by session');
    await session.request('PUT', path, { name: 'Org acme' });
  });

  it('logs out: 204, the cookie is cleared and the session deleted server-side', async () => {
    const session = await TestSessionClient.login(t.fixloop.url, acme.users.viewer.email, TEST_PASSWORD);
    const cookie = session.cookie ?? '';
    const noCsrf = await session.request('POST', '/api/0/auth/logout/', undefined, { csrf: false });
    expect(noCsrf.status).toBe(403);
    const response = await session.request('POST', '/api/0/auth/logout/');
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toMatch(/^fixloop_session=; .*Max-Age=0/);
    // The old cookie, replayed, no longer works.
    const replay = await fetch(t.url('/api/0/auth/session/'), { headers: { cookie } });
    expect(replay.status).toBe(401);
  });

  it('changes the password: checks the current one, min length, clears mustChangePassword, revokes other sessions', async () => {
    const storage = t.fixloop.storage;
    const person = await createTestUser(storage, { organizationId: acme.organization.id, role: 'member' });
    await storage.accounts.updateUser(person.user.id, { mustChangePassword: true });
    const laptop = await TestSessionClient.login(t.fixloop.url, person.email, TEST_PASSWORD);
    const phone = await TestSessionClient.login(t.fixloop.url, person.email, TEST_PASSWORD);
    expect((await laptop.get<SessionBody>('/api/0/auth/session/')).body.user.mustChangePassword).toBe(true);

    const short = await laptop.request('POST', '/api/0/auth/password/', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'short',
    });
    expect(short.status).toBe(400);
    expect((short.body as { errors: object }).errors).toHaveProperty('newPassword');
    const wrong = await laptop.request('POST', '/api/0/auth/password/', {
      currentPassword: 'not-the-password',
      newPassword: 'a-much-better-password',
    });
    expect(wrong.status).toBe(400);
    expect((wrong.body as { errors: object }).errors).toHaveProperty('currentPassword');

    const ok = await laptop.request('POST', '/api/0/auth/password/', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a-much-better-password',
    });
    expect(ok.status).toBe(204);
    expect((await laptop.get<SessionBody>('/api/0/auth/session/')).body.user.mustChangePassword).toBe(false);
    expect((await phone.get('/api/0/auth/session/')).status).toBe(401);
    await expect(TestSessionClient.login(t.fixloop.url, person.email, TEST_PASSWORD)).rejects.toThrow(/401/);
    await expect(
      TestSessionClient.login(t.fixloop.url, person.email, 'a-much-better-password'),
    ).resolves.toBeInstanceOf(TestSessionClient);
  });

  it('limits failed logins per email: 429 after 10 failures, even with the right password', async () => {
    const target = await createTestUser(t.fixloop.storage, { organizationId: acme.organization.id });
    const attempt = (password: string) =>
      fetch(t.url('/api/0/auth/login/'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: target.email, password }),
      });
    for (let i = 0; i < 10; i += 1) expect((await attempt(`guess-${i}`)).status).toBe(401);
    const limited = await attempt(TEST_PASSWORD);
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { detail: string }).detail).toMatch(/too many/i);
  });

  it('a session acts with its user’s role: a viewer session cannot mutate (403)', async () => {
    const session = await TestSessionClient.login(t.fixloop.url, acme.users.viewer.email, TEST_PASSWORD);
    const response = await session.request('PUT', '/api/0/organizations/acme/', { name: 'x' });
    expect(response.status).toBe(403);
    expect((await session.get('/api/0/organizations/acme/')).status).toBe(200);
  });
});

describe('session cookie over https', () => {
  let t: TestFixloop;
  beforeAll(async () => {
    t = await startTestFixloop({ env: { FIXLOOP_BASE_URL: 'https://fixloop.example.com' } });
  });
  afterAll(() => t?.stop());

  it('is Secure when the base URL is https', async () => {
    const person = await createTestUser(t.fixloop.storage);
    const response = await fetch(t.url('/api/0/auth/login/'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: person.email, password: TEST_PASSWORD }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/; Secure$/);
  });
});
