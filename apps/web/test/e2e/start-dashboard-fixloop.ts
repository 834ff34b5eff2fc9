import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@fixloop/config';
import { startFixloop } from '@fixloop/server';
import type { RunningFixloop } from '@fixloop/server';

export const ADMIN = {
  email: 'admin@example.com',
  password: 'e2e-password-1',
  token: 'e2e-admin-token-0123456789',
};
export const ORG = 'acme';
export const PROJECT = 'shop';

export interface DashboardFixloop {
  fixloop: RunningFixloop;
  projectId: number;
  stop(): Promise<void>;
  /** Polls storage until the event is stored; returns its issue id. */
  waitForIssueOf(eventId: string, timeoutMs?: number): Promise<number>;
}

/** A real Fixloop with a fresh SQLite database, an admin with a known password and an admin token. */
export async function startDashboardFixloop(): Promise<DashboardFixloop> {
  const dir = await mkdtemp(join(tmpdir(), 'fixloop-dashboard-'));
  await writeFile(
    join(dir, 'fixloop.config.json'),
    JSON.stringify({
      organizations: [
        { slug: ORG, name: 'Acme', projects: [{ slug: PROJECT, name: 'Shop', platform: 'node' }] },
      ],
    }),
  );
  const env = {
    PORT: '0',
    HOST: '127.0.0.1',
    FIXLOOP_DATA_DIR: dir,
    FIXLOOP_ADMIN_EMAIL: ADMIN.email,
    FIXLOOP_ADMIN_PASSWORD: ADMIN.password,
    FIXLOOP_ADMIN_TOKEN: ADMIN.token,
  };
  const fixloop = await startFixloop(loadConfig({ env, cwd: dir }), {
    log: () => undefined,
    workerPollIntervalMs: 50,
  });
  const projectId = Number(new URL(fixloop.dsn).pathname.split('/').pop());
  return {
    fixloop,
    projectId,
    waitForIssueOf: async (eventId, timeoutMs = 15_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const event = await fixloop.storage.events.getEvent(projectId, eventId);
        if (event) return event.issueId;
        if (Date.now() > deadline) throw new Error(`event ${eventId} was not stored within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    stop: async () => {
      await fixloop.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
