import { INGEST_LIMITS, checkEnvelopeLimits, decodeBody, parseEnvelope } from '@fixloop/ingest';
import { clientIpOf } from './client-ip.ts';
import { countEvents, processEnvelope } from './envelope-processor.ts';
import { authenticateIngest, commitUnit, enforceRateLimit } from './ingest-pipeline.ts';
import type { IngestPipeline, IngestRequest } from './ingest-pipeline.ts';

/** POST /api/:projectId/envelope/ -> `{"id": ...}` or `{}` once everything is durable. */
export async function handleEnvelope(pipeline: IngestPipeline, request: IngestRequest): Promise<string> {
  const encoding = headerString(request.headers['content-encoding']);
  const body = await decodeBody(request.body, encoding, INGEST_LIMITS.envelopeDecompressed);
  const envelope = parseEnvelope(body);
  const dsn = typeof envelope.headers['dsn'] === 'string' ? envelope.headers['dsn'] : null;
  const project = await authenticateIngest(pipeline, request, dsn);
  checkEnvelopeLimits(envelope);
  const receivedAt = pipeline.clock.now();
  enforceRateLimit(pipeline, project, countEvents(envelope), receivedAt);
  const context = {
    projectId: project.id,
    receivedAt,
    clientIp: clientIpOf(request.headers, request.remoteAddress, pipeline.trustProxy),
    scrubbing: project.settings.scrubbing,
  };
  const { builder, responseId } = await processEnvelope(envelope, context, pipeline.processor);
  await commitUnit(pipeline, builder);
  return responseId === null ? '{}' : `{"id":"${responseId}"}`;
}

export function headerString(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}
