import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEventTimeline } from '../../src/api/events/event-timeline.ts';
import { startTestFixloop, type TestFixloop } from './start-test-fixloop.ts';

const clientScript = fileURLToPath(new URL('./clients/node-client.mjs', import.meta.url));

interface Sent {
  kind: 'handled' | 'message' | 'large' | 'unhandled';
  eventId: string;
}

function runClient(dsn: string): Promise<{ sent: Sent[]; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [clientScript], {
      env: { ...process.env, SENTRY_DSN: dsn },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const sent = stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Sent);
      resolve({ sent, code, stderr });
    });
  });
}

describe('the real @sentry/node SDK against a running Fixloop', () => {
  let t: TestFixloop;
  let sent: Sent[];

  beforeAll(async () => {
    t = await startTestFixloop();
    const result = await runClient(t.fixloop.dsn);
    sent = result.sent;
    // The SDK exits with 1 after reporting the uncaught exception, as in production.
    expect(result.code, result.stderr).toBe(1);
  }, 60_000);

  afterAll(async () => {
    await t?.stop();
  });

  const ids = (kind: Sent['kind']) => sent.filter((s) => s.kind === kind).map((s) => s.eventId);

  it('stores handled exceptions with user, tags, release, environment and breadcrumbs', async () => {
    const [first, second] = ids('handled');
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    const event = await t.waitForEvent(first!);
    expect(event.type).toBe('error');
    expect(event.title).toMatch(/^TypeError: Cannot read properties of undefined/);
    expect(event.culprit).toContain('applyCoupon');
    expect(event.release).toBe('shop@1.4.2');
    expect(event.environment).toBe('staging');
    expect(event.handled).toBe(true);
    expect(event.userKey).toBe('id:user-42');
    expect(event.tags).toMatchObject({ feature: 'checkout', environment: 'staging', release: 'shop@1.4.2' });
    const timeline = await readEventTimeline(t.fixloop.storage.events, event, 30, new Date());
    expect(timeline.some((e) => e.message === 'added item sku-1')).toBe(true);
    expect(timeline.at(-1)).toMatchObject({ isError: true });

    const again = await t.waitForEvent(second!);
    expect(again.issueId).toBe(event.issueId);
    const issue = await t.fixloop.storage.issues.getIssue(event.issueId);
    expect(issue).toMatchObject({ timesSeen: 2, userCount: 1, severity: 'annoying', status: 'unresolved' });
  });

  it('groups parameterized messages on their template', async () => {
    const [a, b] = ids('message');
    const first = await t.waitForEvent(a!);
    const second = await t.waitForEvent(b!);
    expect(first.message).toBe('Payment p-1001 declined by visa');
    expect(second.message).toBe('Payment p-2002 declined by amex');
    expect(first.level).toBe('warning');
    expect(second.issueId).toBe(first.issueId);
    const issue = await t.fixloop.storage.issues.getIssue(first.issueId);
    expect(issue?.severity).toBe('warning');
  });

  it('accepts the gzip-compressed payload the SDK sends above 32 KiB', async () => {
    const [id] = ids('large');
    const event = await t.waitForEvent(id!);
    const extra = (event.payload.extra ?? {}) as Record<string, unknown>;
    const snapshot = extra.cart_snapshot as string[];
    expect(snapshot).toHaveLength(900);
    expect(JSON.stringify(event.payload).length).toBeGreaterThan(32 * 1024);
    expect(event.title).toBe('RangeError: cart too large to price');
  });

  it('records the unhandled crash as a blocking issue', async () => {
    const [id] = ids('unhandled');
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    const event = await t.waitForEvent(id!);
    expect(event.handled).toBe(false);
    expect(event.title).toBe('Error: unhandled checkout crash');
    const issue = await t.fixloop.storage.issues.getIssue(event.issueId);
    expect(issue?.severity).toBe('blocking');
  });

  it('creates one issue per distinct problem', async () => {
    const { total } = await t.fixloop.storage.issues.listIssues({
      projectIds: [t.projectId],
      sort: 'date',
      limit: 100,
      offset: 0,
    });
    expect(total).toBe(4);
  });
});
