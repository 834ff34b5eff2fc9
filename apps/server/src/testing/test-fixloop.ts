import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@fixloop/config';
import { dropTestSchema } from '@fixloop/storage-postgres/test-database';
import type { FixloopConfig } from '@fixloop/config';
import { startFixloop } from '../start-fixloop.ts';
import type { RunningFixloop, StartOptions } from '../start-fixloop.ts';

export type TestBackend = 'sqlite' | 'postgres';

/** Backends the ingest tests run against: PostgreSQL only when FIXLOOP_TEST_DATABASE_URL is set. */
export const TEST_BACKENDS: TestBackend[] = process.env['FIXLOOP_TEST_DATABASE_URL']
  ? ['sqlite', 'postgres']
  : ['sqlite'];

export interface TestFixloop {
  fixloop: RunningFixloop;
  config: FixloopConfig;
  dir: string;
  projectId: number;
  key: string;
  lines: string[];
  url(path: string): string;
  stop(options?: { keepDir?: boolean }): Promise<void>;
}

export interface TestFixloopOptions {
  backend?: TestBackend;
  env?: Record<string, string>;
  /** Written as fixloop.config.json in the data dir. */
  configFile?: unknown;
  /** Reuse a data dir (restart tests). */
  dir?: string;
  /** Reuse a PostgreSQL schema (restart tests). */
  schema?: string;
  /** Passed to startFixloop (e.g. alerting retry waits, a fixed clock). */
  startOptions?: StartOptions;
}

/** A real server on a random port with a fresh database, configured the way the CLI does it. */
export async function startTestFixloop(options: TestFixloopOptions = {}): Promise<TestFixloop> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'fixloop-server-'));
  if (options.configFile !== undefined)
    writeFileSync(join(dir, 'fixloop.config.json'), JSON.stringify(options.configFile));
  const env: Record<string, string> = { PORT: '0', HOST: '127.0.0.1', FIXLOOP_DATA_DIR: dir, ...options.env };
  const databaseUrl = process.env['FIXLOOP_TEST_DATABASE_URL'];
  if (options.backend === 'postgres' && databaseUrl) env['DATABASE_URL'] = databaseUrl;
  const config = loadConfig({ env, cwd: dir });
  if (config.database.dialect === 'postgres') {
    config.database.schema = options.schema ?? `fixloop_test_${randomBytes(6).toString('hex')}`;
  }
  const lines: string[] = [];
  const fixloop = await startFixloop(config, {
    log: (line) => lines.push(line),
    workerPollIntervalMs: 50,
    ...options.startOptions,
  });
  const dsn = new URL(fixloop.dsn);
  return {
    fixloop,
    config,
    dir,
    lines,
    projectId: Number(dsn.pathname.split('/').pop()),
    key: dsn.username,
    url: (path) => `${fixloop.url}${path}`,
    stop: async ({ keepDir = false } = {}) => {
      await fixloop.close();
      if (!keepDir && options.dir === undefined) await rm(dir, { recursive: true, force: true });
      // keepDir means "keep the state for a restart": the schema goes with the last stop.
      const { database } = config;
      if (!keepDir && database.dialect === 'postgres' && database.schema) {
        await dropTestSchema(database.connectionString, database.schema);
      }
    },
  };
}

let eventCounter = 0;

/** A random 32-hex event id. */
export function newEventId(): string {
  eventCounter += 1;
  return randomBytes(14).toString('hex') + eventCounter.toString(16).padStart(4, '0').slice(-4);
}

/** An error event as @sentry/node would send it. */
export function errorEvent(eventId: string, message = 'boom'): Record<string, unknown> {
  return {
    event_id: eventId,
    timestamp: Date.now() / 1000,
    platform: 'node',
    level: 'error',
    exception: {
      values: [
        {
          type: 'TypeError',
          value: message,
          mechanism: { type: 'generic', handled: true },
          stacktrace: {
            frames: [
              { filename: '/app/src/server.js', function: 'handle', lineno: 10, colno: 5, in_app: true },
              { filename: '/app/src/checkout.js', function: 'pay', lineno: 42, colno: 7, in_app: true },
            ],
          },
        },
      ],
    },
    breadcrumbs: [
      { timestamp: Date.now() / 1000 - 1, category: 'console', message: 'about to fail', level: 'info' },
    ],
  };
}

/** Serializes an envelope: header line, then for each item its header and payload lines. */
export function envelope(
  headers: Record<string, unknown>,
  items: [Record<string, unknown>, unknown][],
): string {
  const lines = [JSON.stringify(headers)];
  for (const [itemHeaders, payload] of items) {
    lines.push(JSON.stringify(itemHeaders), typeof payload === 'string' ? payload : JSON.stringify(payload));
  }
  return lines.join('\n');
}
