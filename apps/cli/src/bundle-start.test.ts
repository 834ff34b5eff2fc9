import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI_DIR = fileURLToPath(new URL('..', import.meta.url));
const TOKEN = 'bundle-test-admin-token-0123456789';

/**
 * `npm start` runs the esbuild bundle, not the TypeScript sources the other tests import: a dependency
 * that only breaks once bundled (CommonJS globals, a missing external) would pass every other test.
 */
describe('the bundled CLI (what `npm start` runs)', () => {
  let child: ChildProcess;
  let output = '';
  let dataDir: string;
  let url: string;
  let dsn: URL;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(CLI_DIR, 'build-bundle.mjs')], { stdio: 'pipe' });
    dataDir = mkdtempSync(join(tmpdir(), 'fixloop-bundle-'));
    child = spawn(process.execPath, [join(CLI_DIR, 'dist', 'fixloop.js'), 'start'], {
      env: {
        PATH: process.env['PATH'] ?? '',
        PORT: '0',
        HOST: '127.0.0.1',
        FIXLOOP_DATA_DIR: dataDir,
        FIXLOOP_ADMIN_TOKEN: TOKEN,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const match = await new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no DSN within 60 s:\n${output}`)), 60_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const found = /DSN \S+: (http:\/\/[0-9a-f]{32}@[^\s/]+\/\d+)/.exec(output);
        if (found) {
          clearTimeout(timer);
          resolve(found);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`fixloop exited with ${code}:\n${output}`)));
    });
    dsn = new URL(match[1]!);
    url = `http://${dsn.host}`;
  }, 120_000);

  afterAll(() => {
    child?.kill('SIGKILL');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('evaluates every chunk, also those loaded only on first use (autofix, LLM, MCP)', () => {
    const script = `
      import { readdirSync } from 'node:fs';
      const entries = new Set(['fixloop.js', 'event-processor-worker.js']);
      for (const file of readdirSync('.').filter((f) => f.endsWith('.js') && !entries.has(f))) await import('./' + file);
      console.log('ok');`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: join(CLI_DIR, 'dist'),
      encoding: 'utf8',
    });
    expect(out.trim()).toBe('ok');
  });

  it('starts, stores an event sent to the printed DSN, serves it through the API, and stops cleanly', async () => {
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const eventId = randomUUID().replaceAll('-', '');
    const envelope = [
      JSON.stringify({ event_id: eventId, dsn: dsn.href }),
      JSON.stringify({ type: 'event' }),
      JSON.stringify({
        event_id: eventId,
        exception: { values: [{ type: 'BundleError', value: 'from the bundle' }] },
      }),
    ].join('\n');
    const sent = await fetch(`${url}/api${dsn.pathname}/envelope/?sentry_key=${dsn.username}`, {
      method: 'POST',
      body: envelope,
    });
    expect(sent.status).toBe(200);
    const issues = await fetch(`${url}/api/0/projects/default/default/issues/?query=BundleError`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(issues.status).toBe(200);
    const body = (await issues.json()) as { title: string }[];
    expect(body.map((i) => i.title)).toEqual(['BundleError: from the bundle']);

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);
});
