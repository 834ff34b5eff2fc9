import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { FixloopConfig } from '@fixloop/config';
import { formatDsn, systemClock } from '@fixloop/core';
import type { Clock, Storage } from '@fixloop/core';
import { bootstrapAccounts } from './bootstrap/bootstrap-accounts.ts';
import { bootstrapProjects, listProjectDsnKeys } from './bootstrap/bootstrap-projects.ts';
import { registerApiRoutes } from './api/register-api-routes.ts';
import { startAlerting } from './alerts/start-alerting.ts';
import type { AlertingDependencies } from './alerts/start-alerting.ts';
import { registerAutofixJobs } from './autofix/autofix-jobs.ts';
import { autofixLlmFactory } from './autofix/autofix-llm-factory.ts';
import { createAutofix } from './autofix/autofix-module.ts';
import { GithubAppTokens } from './autofix/github/github-app-tokens.ts';
import { repositoryTokenSource } from './autofix/github-for-project.ts';
import { registerHealthRoute } from './health/health-route.ts';
import { registerInvestigationJobs } from './investigations/investigation-jobs.ts';
import { InvestigationRunner } from './investigations/investigation-runner.ts';
import { llmAnalyzerFactory } from './investigations/llm-analyzer-factory.ts';
import { RepositoryWorkspaces } from './investigations/repository-workspaces.ts';
import { registerMcpRoute } from './mcp/mcp-http-route.ts';
import { createHttpServer } from './http/create-http-server.ts';
import { createEventProcessor } from './ingest/create-event-processor.ts';
import { SymbolicatingEventProcessor } from './ingest/symbolicating-event-processor.ts';
import { IngestBatcher } from './ingest/ingest-batcher.ts';
import { registerIngestRoutes } from './ingest/ingest-routes.ts';
import { ProjectAuthenticator } from './ingest/project-auth.ts';
import { ProjectRateLimiter } from './ingest/project-rate-limiter.ts';
import { openStorage } from './storage/open-storage.ts';
import { loadSecretKey } from './bootstrap/load-secret-key.ts';
import { SecretBox } from '@fixloop/notifiers';
import { defaultJobHandlers } from './worker/job-handlers.ts';
import { WorkerLanes } from './worker/worker-lanes.ts';
import { defaultSchedules } from './worker/default-schedules.ts';
import { RecurringScheduler } from './worker/recurring-scheduler.ts';
import { registerWebRoutes } from './web/register-web-routes.ts';

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
  /** Alerting knobs for tests: notifier fetch/timeouts, retry waits, delivery attempts. */
  alerting?: AlertingDependencies['overrides'];
}

/** Boots everything in one process: storage, bootstrap, HTTP ingest, group-commit batcher, job worker. */
export async function startFixloop(
  config: FixloopConfig,
  options: StartOptions = {},
): Promise<RunningFixloop> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const clock = options.clock ?? systemClock;
  const masterKey = loadSecretKey(config.secretKey, config.dataDir);
  if (masterKey.source === 'generated')
    log(`generated a master key for secrets at rest in ${config.dataDir}/secret.key`);
  if (masterKey.source !== 'env' && config.database.dialect === 'postgres') {
    log('FIXLOOP_SECRET_KEY is not set; every instance on this database must use the same key');
  }
  const secretBox = new SecretBox(masterKey.key);
  const storage = await openStorage(config.database, { secrets: secretBox });
  try {
    await bootstrapProjects(storage.projects, config.organizations);
    await bootstrapAccounts(storage, config.admin, log);
  } catch (error) {
    await storage.close();
    throw error;
  }

  const handlers = defaultJobHandlers();
  const worker = new WorkerLanes(
    storage.jobs,
    handlers,
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
  const scheduler = new RecurringScheduler(storage.jobs, defaultSchedules(config), clock, log);
  const app = createHttpServer();
  const processor = new SymbolicatingEventProcessor(createEventProcessor(config.ingest.threads), storage, {
    log,
  });
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
  let baseUrl = config.baseUrl;
  // One installation-token cache for git and GitHub's REST API (projects that authenticate as a GitHub App).
  const appTokens = new GithubAppTokens();
  const workspaces = new RepositoryWorkspaces(config.dataDir, process.env, (project) =>
    repositoryTokenSource(project, appTokens),
  );
  const investigations = new InvestigationRunner({
    storage,
    clock,
    workspaces,
    analyzerFor: await llmAnalyzerFactory(config.llm, storage.llmUsage),
    // The report becomes a Sentry-style note by Fixloop itself (no user), once per investigation.
    postComment: async (issue, markdown) =>
      (
        await storage.issueWorkflow.addActivity({
          issueId: issue.id,
          projectId: issue.projectId,
          type: 'note',
          userId: null,
          data: { text: markdown, mentions: [], source: 'investigation' },
          createdAt: clock.now(),
        })
      ).id,
    log,
  });
  registerInvestigationJobs(handlers, investigations, storage);
  const autofix = createAutofix({
    storage,
    clock,
    log,
    workspaces,
    appTokens,
    env: process.env,
    llmFor: await autofixLlmFactory(config.llm, storage.llmUsage),
    baseUrl: () => baseUrl,
    investigations,
    instanceId: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    wakeWorker: () => worker.wake(),
  });
  registerAutofixJobs(handlers, autofix, { storage, baseUrl: () => baseUrl, log });
  const alerting = await startAlerting(config, {
    storage,
    clock,
    log,
    baseUrl: () => baseUrl,
    handlers,
    masterKey: masterKey.key,
    secretBox,
    ...(options.alerting ? { overrides: options.alerting } : {}),
  }).catch(async (error: unknown) => {
    await processor.close();
    await storage.close();
    throw error;
  });
  registerApiRoutes(app, {
    storage,
    clock,
    log,
    baseUrl: () => baseUrl,
    investigations,
    autofix,
    wakeWorker: () => worker.wake(),
    trustProxy: config.trustProxy,
    invalidateIngestCache: () => pipeline.authenticator.invalidate(),
    alerting,
    ingest: pipeline,
  });
  let selfUrl = '';
  registerMcpRoute(app, { storage, selfUrl: () => selfUrl });
  registerWebRoutes(app);

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
  if (config.baseUrlIsDefault) baseUrl = `http://localhost:${port}`;
  selfUrl = `http://${connectHost(config.host)}:${port}`;
  await scheduler.start();
  worker.start();
  alerting.start();

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
    await alerting.stop();
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
