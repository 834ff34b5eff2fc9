import type { Clock, Storage } from '@fixloop/core';
import type { FastifyInstance } from 'fastify';
import { ApiAccess } from './api-access.ts';
import { ApiAuthenticator } from './api-authenticator.ts';
import type { ApiServices } from './api-route.ts';
import { ApiRouter } from './api-router.ts';
import { AuditLogger } from './audit-logger.ts';
import { rootRoutes } from './root-routes.ts';
import { eventRoutes } from './events/event-routes.ts';
import { userFeedbackRoutes } from './feedback/user-feedback-routes.ts';
import { issueRoutes } from './issues/issue-routes.ts';
import { logApiRoutes, registerLogApiPreflight } from './log-api/log-api-routes.ts';
import { statsRoutes } from './stats/stats-routes.ts';
import type { IngestPipeline } from '../ingest/ingest-pipeline.ts';
import type { InvestigationRunner } from '../investigations/investigation-runner.ts';
import { investigationRoutes } from './investigations/investigation-routes.ts';
import type { AutofixModule } from '../autofix/autofix-module.ts';
import { fixRoutes } from './fixes/fix-routes.ts';
import { autofixRoutes } from './fixes/autofix-routes.ts';
import { accountApiRoutes } from './accounts/account-api-routes.ts';
import { SessionManager } from './accounts/session-manager.ts';
import { deployRoutes } from './releases/deploy-routes.ts';
import { releaseRoutes } from './releases/release-routes.ts';
import { sourceMapRoutes } from './sourcemaps/sourcemap-routes.ts';
import type { Alerting } from '../alerts/start-alerting.ts';
import { alertRoutes } from './alerts/alert-routes.ts';

export interface ApiOptions {
  storage: Storage;
  clock: Clock;
  baseUrl(): string;
  log: (line: string) => void;
  investigations: InvestigationRunner;
  autofix: AutofixModule;
  /** Starts the job worker now instead of at its next poll (after enqueueing from a request). */
  wakeWorker(): void;
  /** Trust X-Forwarded-For for the client address (login attempt limiter). */
  trustProxy?: boolean;
  /** Empties ingest's key/project cache after keys or project settings change through the API. */
  invalidateIngestCache?(): void;
  /** The ingest pipeline, for the simple log API (absent: no /api/errors/ routes). */
  ingest?: IngestPipeline;
  /** Alert channels, rules, deliveries and the Slack/Telegram endpoints (absent in bare test servers). */
  alerting?: Alerting;
}

/**
 * The Web API: one router, one authenticator, one access policy. Each area (accounts, issues,
 * releases, …) contributes a list of RouteSpecs here.
 */
export function registerApiRoutes(app: FastifyInstance, options: ApiOptions): ApiServices {
  const authenticator = new ApiAuthenticator(options.storage, options.clock);
  const services: ApiServices = {
    storage: options.storage,
    clock: options.clock,
    baseUrl: options.baseUrl,
    log: options.log,
    access: new ApiAccess(options.storage),
    audit: new AuditLogger(options.storage, options.clock),
    investigations: options.investigations,
    autofix: options.autofix,
    wakeWorker: options.wakeWorker,
  };
  const router = new ApiRouter(app, authenticator);
  router.add(...rootRoutes(services, () => router.routes));
  router.add(...issueRoutes(services), ...eventRoutes(services), ...statsRoutes(services));
  router.add(...userFeedbackRoutes(services));
  if (options.ingest) {
    router.add(...logApiRoutes(services, options.ingest));
    registerLogApiPreflight(app);
  }
  router.add(...investigationRoutes(services));
  router.add(...fixRoutes(services));
  router.add(...autofixRoutes(services));
  router.add(...releaseRoutes(services), ...deployRoutes(services));
  router.add(...sourceMapRoutes(services));
  if (options.alerting) router.add(...alertRoutes(services, options.alerting));
  const sessions = new SessionManager(options.storage, options.clock, options.baseUrl);
  authenticator.useSessions(sessions);
  router.add(
    ...accountApiRoutes(services, {
      sessions,
      trustProxy: options.trustProxy ?? false,
      invalidateIngestCache: options.invalidateIngestCache ?? (() => undefined),
    }),
  );
  return services;
}
