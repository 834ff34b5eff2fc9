import { afterEach, describe, expect, it } from 'vitest';
import { hashApiToken } from './bootstrap/bootstrap-accounts.ts';
import { verifyPassword } from './bootstrap/password-hash.ts';
import { TEST_BACKENDS, envelope, errorEvent, newEventId, startTestFixloop } from './testing/test-fixloop.ts';
import type { TestFixloop } from './testing/test-fixloop.ts';

const running: TestFixloop[] = [];
afterEach(async () => {
  for (const t of running.splice(0)) await t.stop().catch(() => {});
});

async function start(options: Parameters<typeof startTestFixloop>[0] = {}): Promise<TestFixloop> {
  const t = await startTestFixloop(options);
  running.push(t);
  return t;
}

describe('startFixloop', () => {
  it('bootstraps a default project, admin and prints the DSN; a restart keeps them', async () => {
    const first = await start();
    const dsn = first.fixloop.dsn;
    expect(dsn).toMatch(new RegExp(`^http://[0-9a-f]{32}@localhost:${first.fixloop.port}/\\d+$`));
    expect(first.lines.join('\n')).toContain(`DSN default/default: ${dsn}`);
    const passwordLine = first.lines.find((l) => l.includes('one-time password'));
    expect(passwordLine).toContain('admin@localhost');
    const password = passwordLine!.split(': ').pop()!;
    const admin = await first.fixloop.storage.accounts.findUserByEmail('admin@localhost');
    expect(admin).toMatchObject({ isSuperuser: true, mustChangePassword: true });
    expect(await verifyPassword(password, admin!.passwordHash)).toBe(true);
    expect(await verifyPassword('wrong', admin!.passwordHash)).toBe(false);
    await first.stop({ keepDir: true });
    running.length = 0;

    const second = await start({ dir: first.dir });
    expect(new URL(second.fixloop.dsn).username).toBe(new URL(dsn).username);
    expect(second.projectId).toBe(first.projectId);
    expect(second.lines.some((l) => l.includes('one-time password'))).toBe(false);
    expect(await second.fixloop.storage.accounts.countUsers()).toBe(1);
    expect(await second.fixloop.storage.projects.listOrganizations()).toHaveLength(1);
  });

  it.skipIf(!TEST_BACKENDS.includes('postgres'))('keeps the DSN across restarts on PostgreSQL', async () => {
    const first = await start({ backend: 'postgres' });
    const schema = first.config.database.dialect === 'postgres' ? first.config.database.schema : undefined;
    expect(schema).toBeDefined();
    await first.stop({ keepDir: true });
    running.length = 0;
    const second = await start({ backend: 'postgres', schema });
    expect(second.fixloop.dsn.replace(/:\d+\//, '/')).toBe(first.fixloop.dsn.replace(/:\d+\//, '/'));
    expect(await second.fixloop.storage.accounts.countUsers()).toBe(1);
  });

  it('creates the admin token and user from the environment, idempotently', async () => {
    const env = {
      FIXLOOP_ADMIN_TOKEN: 'tok_0123456789abcdef',
      FIXLOOP_ADMIN_EMAIL: 'ops@example.com',
      FIXLOOP_ADMIN_PASSWORD: 'correct horse',
    };
    const first = await start({ env });
    await first.stop({ keepDir: true });
    running.length = 0;
    const second = await start({ env, dir: first.dir });
    const token = await second.fixloop.storage.accounts.findApiTokenByHash(
      hashApiToken(env.FIXLOOP_ADMIN_TOKEN),
    );
    expect(token?.scopes).toContain('org:admin');
    expect(token?.scopes).toContain('project:releases');
    const user = await second.fixloop.storage.accounts.findUserByEmail('ops@example.com');
    expect(user).toMatchObject({ isSuperuser: true, mustChangePassword: false });
    expect(await verifyPassword('correct horse', user!.passwordHash)).toBe(true);
    expect(await second.fixloop.storage.accounts.countUsers()).toBe(1);
    expect(second.lines.some((l) => l.includes('one-time password'))).toBe(false);
  });

  it('takes the client IP from X-Forwarded-For only when FIXLOOP_TRUST_PROXY is set', async () => {
    const ipOf = async (t: TestFixloop) => {
      const id = newEventId();
      const event = { ...errorEvent(id), user: { ip_address: '{{auto}}' } };
      const res = await fetch(t.url(`/api/${t.projectId}/envelope/?sentry_key=${t.key}`), {
        method: 'POST',
        headers: { 'x-forwarded-for': '203.0.113.9, 10.0.0.1' },
        body: envelope({ event_id: id }, [[{ type: 'event' }, event]]),
      });
      expect(res.status).toBe(200);
      const stored = await t.fixloop.storage.events.getEvent(t.projectId, id);
      return (stored?.payload['user'] as { ip_address?: string } | undefined)?.ip_address;
    };
    expect(await ipOf(await start({ env: { FIXLOOP_TRUST_PROXY: 'true' } }))).toBe('203.0.113.9');
    expect(await ipOf(await start())).toBe('127.0.0.1');
  });

  it('fails cleanly when the port is taken', async () => {
    const t = await start();
    await expect(start({ env: { PORT: String(t.fixloop.port) } })).rejects.toThrow(/EADDRINUSE/);
  });

  it('reports health with database, ingest and worker state', async () => {
    const t = await start();
    const res = await fetch(t.url('/health'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, Record<string, unknown>>;
    expect(body['status']).toBe('ok');
    expect(body['database']).toEqual({ status: 'ok', dialect: 'sqlite' });
    expect(body['ingest']).toMatchObject({ queued: 0, lagMs: 0 });
    expect(body['worker']).toMatchObject({ failed: 0 });
    expect(typeof body['worker']?.['pending']).toBe('number');
  });

  it('answers 503 degraded when the database is gone', async () => {
    const t = await start();
    await t.fixloop.storage.close();
    const res = await fetch(t.url('/health'));
    expect(res.status).toBe(503);
    expect(((await res.json()) as { status: string }).status).toBe('degraded');
  });

  it('runs the retention job that the scheduler enqueues at boot', async () => {
    const t = await start();
    await expect
      .poll(async () => (await t.fixloop.storage.jobs.stats(new Date())).lastFinishedAt, { timeout: 5_000 })
      .not.toBeNull();
    expect((await t.fixloop.storage.jobs.stats(new Date())).failed).toBe(0);
  });
});
