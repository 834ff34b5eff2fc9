import { AppError } from '@fixloop/core';
import type { Project } from '@fixloop/core';
import {
  INGEST_LIMITS,
  decodeBody,
  parseJsonLenient,
  parseStoreBody,
  securityReportToEvents,
} from '@fixloop/ingest';
import { clientIpOf } from './client-ip.ts';
import { handleEnvelope, headerString } from './envelope-endpoint.ts';
import { authenticateIngest, commitUnit, enforceRateLimit } from './ingest-pipeline.ts';
import type { IngestPipeline, IngestRequest } from './ingest-pipeline.ts';
import { IngestUnitBuilder } from './ingest-unit-builder.ts';

/** POST /api/:projectId/store/: one JSON event (legacy SDKs, sentry-cli send-event). */
export async function handleStore(
  pipeline: IngestPipeline,
  request: IngestRequest,
  contentType: string | undefined,
): Promise<string> {
  // Relay accepts an envelope posted to /store/ when it says so.
  if (contentType?.startsWith('application/x-sentry-envelope')) return handleEnvelope(pipeline, request);
  const encoding = headerString(request.headers['content-encoding']);
  const body = await decodeBody(request.body, encoding, INGEST_LIMITS.storeDecompressed);
  const project = await authenticateIngest(pipeline, request, null);
  const raw = parseStoreBody(body);
  const ids = await ingestEvents(pipeline, request, project, [raw]);
  return `{"id":"${ids[0] ?? ''}"}`;
}

/** POST /api/:projectId/security/ and /csp-report/: browser reports, answered with an empty 200. */
export async function handleSecurity(pipeline: IngestPipeline, request: IngestRequest): Promise<string> {
  const encoding = headerString(request.headers['content-encoding']);
  const body = await decodeBody(request.body, encoding, INGEST_LIMITS.securityReport);
  const project = await authenticateIngest(pipeline, request, null);
  if (body.length === 0) throw new AppError('invalid_payload', 'empty request body');
  const events = securityReportToEvents(parseJsonLenient(body), request.query);
  await ingestEvents(pipeline, request, project, events);
  return '';
}

async function ingestEvents(
  pipeline: IngestPipeline,
  request: IngestRequest,
  project: Project,
  rawEvents: unknown[],
): Promise<string[]> {
  const receivedAt = pipeline.clock.now();
  enforceRateLimit(pipeline, project, rawEvents.length, receivedAt);
  const builder = new IngestUnitBuilder(project.id, receivedAt);
  const context = {
    projectId: project.id,
    receivedAt,
    clientIp: clientIpOf(request.headers, request.remoteAddress, pipeline.trustProxy),
    scrubbing: project.settings.scrubbing,
  };
  const tasks = rawEvents.map((raw) => ({ raw, envelopeEventId: null }));
  for (const write of await pipeline.processor.process(tasks, context)) {
    builder.unit.events.push(write);
    builder.outcome(write.event.type === 'csp' ? 'security' : 'error', 'accepted');
  }
  await commitUnit(pipeline, builder);
  return builder.unit.events.map((e) => e.event.eventId);
}
