import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSqliteStorage } from '@fixloop/storage-sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './testing/free-port.ts';
import { envelope, errorEvent, newEventId } from './testing/test-fixloop.ts';

const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const EVENTS = 1000;
const CONCURRENCY = 50;

/** The real CLI as `npm start` runs it; resolves with the DSN it prints once it listens. */
function startChild(dir: string, port: number): Promise<{ child: ChildProcess; dsn: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/cli/src/main.ts', 'start'], {
    cwd: REPO,
    env: { PATH: process.env['PATH'], FIXLOOP_DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((done, fail) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /DSN [^:]+: (\S+)/.exec(output);
      if (match?.[1]) done({ child, dsn: match[1] });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => fail(new Error(`server exited with ${code}: ${output}`)));
  });
}

describe('durability', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fixloop-durability-'));
  let child: ChildProcess | null = null;
  afterAll(async () => {
    child?.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged event when the server is SIGKILLed right after the last 200', async () => {
    const port = await freePort();
    const started = await startChild(dir, port);
    child = started.child;
    const dsn = new URL(started.dsn);
    const projectId = Number(dsn.pathname.split('/').pop());
    const url = `http://127.0.0.1:${port}/api/${projectId}/envelope/?sentry_key=${dsn.username}`;

    const acknowledged: string[] = [];
    let next = 0;
    const sender = async (): Promise<void> => {
      while (next < EVENTS) {
        next += 1;
        const id = newEventId();
        const res = await fetch(url, {
          method: 'POST',
          body: envelope({ event_id: id }, [[{ type: 'event' }, errorEvent(id, `e${next % 7}`)]]),
        });
        if (res.status === 200) acknowledged.push(id);
        await res.arrayBuffer();
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, sender));
    child.kill('SIGKILL');
    await new Promise((done) => child!.once('exit', done));
    child = null;
    expect(acknowledged.length).toBe(EVENTS);

    const storage = await createSqliteStorage({ filename: join(dir, 'fixloop.db') });
    try {
      const missing: string[] = [];
      for (const id of acknowledged)
        if ((await storage.events.getEvent(projectId, id)) === null) missing.push(id);
      expect(missing).toEqual([]);
      expect(await storage.events.countEvents(projectId)).toBe(EVENTS);
    } finally {
      await storage.close();
    }
  }, 120_000);
});
