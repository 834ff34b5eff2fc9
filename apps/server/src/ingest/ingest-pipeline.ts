import { AppError } from '@fixloop/core';
import type { Clock, EventWriteResult, Project } from '@fixloop/core';
import { extractSentryAuth } from '@fixloop/ingest';
import type { EventProcessor } from './event-processor.ts';
import type { IngestBatcher } from './ingest-batcher.ts';
import type { IngestUnitBuilder } from './ingest-unit-builder.ts';
import type { ProjectAuthenticator } from './project-auth.ts';
import type { ProjectRateLimiter } from './project-rate-limiter.ts';

export interface IngestRequest {
  projectId: number;
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, unknown>;
  body: Buffer;
  remoteAddress: string | undefined;
}

export interface IngestPipeline {
  authenticator: ProjectAuthenticator;
  rateLimiter: ProjectRateLimiter;
  batcher: IngestBatcher;
  processor: EventProcessor;
  clock: Clock;
  trustProxy: boolean;
}

/** Auth shared by every ingest endpoint: key from header/query/envelope dsn, project must match the route. */
export async function authenticateIngest(
  pipeline: IngestPipeline,
  request: IngestRequest,
  envelopeDsn: string | null,
): Promise<Project> {
  const auth = extractSentryAuth({ headers: request.headers, query: request.query, envelopeDsn });
  if (auth.dsnProjectId !== null && auth.dsnProjectId !== request.projectId) {
    throw new AppError('bad_request', 'header mismatch: envelope dsn names another project');
  }
  return pipeline.authenticator.authenticate(request.projectId, auth.publicKey, Date.now());
}

/** Rejects with 429 when the project's window is used up; the rejected events are counted as outcomes. */
export function enforceRateLimit(pipeline: IngestPipeline, project: Project, events: number, at: Date): void {
  const decision = pipeline.rateLimiter.take(project, events, at.getTime());
  if (decision.allowed) return;
  const outcome = {
    projectId: project.id,
    category: 'error',
    outcome: 'rate_limited' as const,
    quantity: events,
    at,
  };
  // Counting is best effort and must not delay the 429.
  pipeline.batcher
    .submit({ events: [], attachments: [], userReports: [], outcomes: [outcome] })
    .catch(() => {});
  throw new AppError('rate_limited', 'project rate limit exceeded', {
    retryAfter: decision.retryAfterSeconds,
  });
}

/** Queues the request's writes and resolves once they are durable. */
export async function commitUnit(
  pipeline: IngestPipeline,
  builder: IngestUnitBuilder,
): Promise<EventWriteResult[]> {
  if (builder.isEmpty()) return [];
  return pipeline.batcher.submit(builder.unit);
}
