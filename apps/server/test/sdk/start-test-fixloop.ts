import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@fixloop/config';
import type { StoredEvent } from '@fixloop/core';
import { startFixloop, type RunningFixloop } from '@fixloop/server';

export interface TestFixloop {
  fixloop: RunningFixloop;
  projectId: number;
  stop(): Promise<void>;
  /** Polls storage until the event is there; SDKs that do not wait for the ack (browser) need it. */
  waitForEvent(eventId: string, timeoutMs?: number): Promise<StoredEvent>;
}

/** A real Fixloop on a random port with a fresh embedded database, as `npm start` would run it. */
export async function startTestFixloop(): Promise<TestFixloop> {
  const dir = await mkdtemp(join(tmpdir(), 'fixloop-sdk-'));
  const config = loadConfig({ env: { PORT: '0', HOST: '127.0.0.1', FIXLOOP_DATA_DIR: dir }, cwd: dir });
  const fixloop = await startFixloop(config, { log: () => undefined });
  const projectId = Number(new URL(fixloop.dsn).pathname.split('/').pop());
  const waitForEvent = async (eventId: string, timeoutMs = 10_000): Promise<StoredEvent> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const event = await fixloop.storage.events.getEvent(projectId, eventId);
      if (event) return event;
      if (Date.now() > deadline) throw new Error(`event ${eventId} was not stored within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return {
    fixloop,
    projectId,
    waitForEvent,
    stop: async () => {
      await fixloop.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
