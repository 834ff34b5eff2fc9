import type { FixloopConfig } from '@fixloop/config';
import { formatDsn, systemClock } from '@fixloop/core';
import type { Clock, Storage } from '@fixloop/core';
import { bootstrapAccounts } from './bootstrap/bootstrap-accounts.ts';
import { bootstrapProjects, listProjectDsnKeys } from './bootstrap/bootstrap-projects.ts';
import { registerHealthRoute } from './health/health-route.ts';
import { createHttpServer } from './http/create-http-server.ts';
import { createEventProcessor } from './ingest/create-event-processor.ts';
import { IngestBatcher } from './ingest/ingest-batcher.ts';
import { registerIngestRoutes } from './ingest/ingest-routes.ts';
import { ProjectAuthenticator } from './ingest/project-auth.ts';
import { ProjectRateLimiter } from './ingest/project-rate-limiter.ts';
import { openStorage } from './storage/open-storage.ts';
import { defaultJobHandlers } from './worker/job-handlers.ts';
import { JobWorker } from './worker/job-worker.ts';
import { RetentionScheduler } from './worker/retention-scheduler.ts';

export interface RunningFixloop {
  /** Where this process listens (for tests and the CLI). */
  url: string;
  port: number;
  storage: Storage;
  /** DSN of the first project. */
  dsn: string;
  close(): Promise<void>;
}

export interface StartOptions {
  log?: (line: string) => void;
  clock?: Clock;
  /** Worker poll interval; tests lower it. */
  workerPollIntervalMs?: number;
}

/** Boots everything in one process: storage, bootstrap, HTTP ingest, group-commit batcher, job worker. */
export async function startFixloop(
  config: FixloopConfig,
  options: StartOptions = {},
): Promise<RunningFixloop> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const clock = options.clock ?? systemClock;
  const storage = await openStorage(config.database);
  try {
    await bootstrapProjects(storage.projects, config.organizations);
    await bootstrapAccounts(storage, config.admin, log);
  } catch (error) {
    await storage.close();
    throw error;
  }

  const worker = new JobWorker(
    storage.jobs,
    defaultJobHandlers(),
    { storage, clock, log, debug: config.logLevel === 'debug' ? log : () => undefined },
    {
      ...(options.workerPollIntervalMs === undefined ? {} : { pollIntervalMs: options.workerPollIntervalMs }),
    },
  );
  const batcher = new IngestBatcher(storage.ingest, {
    ...config.ingest,
    onFlushed: (results) => {
      if (results.some((r) => r.status === 'stored' && r.issueEvent !== 'existing')) worker.wake();
    },
  });
  const scheduler = new RetentionScheduler(storage.jobs, config.worker.retentionIntervalMinutes, log);
  const app = createHttpServer();
  const processor = createEventProcessor(config.ingest.threads);
  const pipeline = {
    authenticator: new ProjectAuthenticator(storage.projects),
    rateLimiter: new ProjectRateLimiter(),
    batcher,
    processor,
    clock,
    trustProxy: config.trustProxy,
  };
  registerIngestRoutes(app, pipeline);
  registerHealthRoute(app, { storage, batcher, clock });

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    // E.g. the port is taken: leave nothing open behind the error.
    await app.close().catch(() => undefined);
    await processor.close();
    await storage.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const baseUrl = config.baseUrlIsDefault ? `http://localhost:${port}` : config.baseUrl;
  await scheduler.start();
  worker.start();

  const dsns = await listProjectDsnKeys(storage.projects);
  log(`Fixloop is running at ${baseUrl}`);
  for (const { organization, project, publicKey } of dsns) {
    log(`  DSN ${organization.slug}/${project.slug}: ${formatDsn(baseUrl, publicKey, project.id)}`);
  }
  const first = dsns[0];

  let closing: Promise<void> | null = null;
  const close = async (): Promise<void> => {
    scheduler.stop();
    // Stop accepting first; requests already in flight finish (their batches flush on the timer).
    await app.close();
    await processor.close();
    await batcher.close();
    await worker.stop();
    await storage.close();
  };
  return {
    url: `http://${connectHost(config.host)}:${port}`,
    port,
    storage,
    dsn: first ? formatDsn(baseUrl, first.publicKey, first.project.id) : '',
    close: () => (closing ??= close()),
  };
}

function connectHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
