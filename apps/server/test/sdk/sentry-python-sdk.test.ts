import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFixloop, type TestFixloop } from './start-test-fixloop.ts';

const PYTHON = '/usr/bin/python3';
const hasSdk = spawnSync(PYTHON, ['-c', 'import sentry_sdk'], { stdio: 'ignore' }).status === 0;
if (!hasSdk) {
  console.warn(
    `\n!!! SKIPPING the sentry-python tests: ${PYTHON} cannot import sentry_sdk (apt-get install -y python3-sentry-sdk; .ci/run does).\n`,
  );
}

describe.skipIf(!hasSdk)('the real sentry-python SDK against a running Fixloop', () => {
  let t: TestFixloop;
  let ids: string[];

  beforeAll(async () => {
    t = await startTestFixloop();
    const script = fileURLToPath(new URL('./clients/python-client.py', import.meta.url));
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(PYTHON, [script], { env: { ...process.env, SENTRY_DSN: t.fixloop.dsn } });
      let out = '';
      let err = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      child.on('close', (code) =>
        code === 0 ? resolve(out) : reject(new Error(`python exited ${code}: ${err}`)),
      );
    });
    ids = (JSON.parse(output.trim().split('\n').pop()!) as string[]).map((id) => id.replace(/-/g, ''));
  }, 60_000);

  afterAll(async () => {
    await t?.stop();
  });

  it('stores exceptions with frames, user and tags, and scrubs secrets in frame variables', async () => {
    const [first, second] = ids;
    const event = await t.waitForEvent(first!);
    expect(event.platform).toBe('python');
    expect(event.title).toBe('ZeroDivisionError: division by zero');
    expect(event.culprit).toContain('compute_total');
    expect(event.userKey).toBe('id:7');
    expect(event.tags).toMatchObject({ worker: 'invoices', release: 'billing@3.1.0' });
    // Frame variables are data and get scrubbed; context lines are source code and are kept, as in Sentry.
    const frames = (event.payload.exception as { values: { stacktrace: { frames: { vars?: unknown }[] } }[] })
      .values[0]!.stacktrace.frames;
    const vars = frames.at(-1)!.vars as { invoice: Record<string, string> };
    expect(vars.invoice).toMatchObject({ amount: '10', quantity: '0', password: '[Filtered]' });
    expect(JSON.stringify(frames.map((f) => f.vars))).not.toContain('hunter2');
    expect(event.payload.errors ?? []).toEqual([]);
    const again = await t.waitForEvent(second!);
    expect(again.issueId).toBe(event.issueId);
  });

  it('groups logging messages on their %s template', async () => {
    const first = await t.waitForEvent(ids[2]!);
    const second = await t.waitForEvent(ids[3]!);
    expect(first.message).toBe('Invoice INV-1 could not be sent to acme');
    expect(second.issueId).toBe(first.issueId);
  });
});
