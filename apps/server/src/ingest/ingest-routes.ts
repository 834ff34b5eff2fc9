import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '@fixloop/core';
import { INGEST_LIMITS } from '@fixloop/ingest';
import { errorResponse } from '../http/error-response.ts';
import { INGEST_CORS_HEADERS } from './cors-headers.ts';
import { handleEnvelope } from './envelope-endpoint.ts';
import type { IngestPipeline, IngestRequest } from './ingest-pipeline.ts';
import { handleSecurity, handleStore } from './store-endpoint.ts';

type Handler = (
  pipeline: IngestPipeline,
  request: IngestRequest,
  contentType: string | undefined,
) => Promise<string>;

const ENDPOINTS: { name: string; bodyLimit: number; handler: Handler; contentType: string }[] = [
  {
    name: 'envelope',
    bodyLimit: INGEST_LIMITS.requestCompressed,
    handler: handleEnvelope,
    contentType: 'application/json',
  },
  {
    name: 'store',
    bodyLimit: INGEST_LIMITS.storeRequestCompressed,
    handler: handleStore,
    contentType: 'application/json',
  },
  {
    name: 'security',
    bodyLimit: INGEST_LIMITS.securityReport,
    handler: handleSecurity,
    contentType: 'text/plain',
  },
  {
    name: 'csp-report',
    bodyLimit: INGEST_LIMITS.securityReport,
    handler: handleSecurity,
    contentType: 'text/plain',
  },
];

const PROJECT_ID = /^\d{1,15}$/;
const ORIGINAL_CONTENT_TYPE = Symbol('originalContentType');

interface IngestRawRequest {
  [ORIGINAL_CONTENT_TYPE]?: string;
}

/**
 * Ingest routes (spec §2). The body is read as raw bytes whatever the Content-Type says: the header is
 * moved aside before Fastify's content-type parsing, so absent or odd types (e.g. @sentry/node's none)
 * all reach the one catch-all parser.
 */
export function registerIngestRoutes(app: FastifyInstance, pipeline: IngestPipeline): void {
  for (const endpoint of ENDPOINTS) {
    const url = `/api/:projectId/${endpoint.name}/`;
    app.route({
      method: 'POST',
      url,
      bodyLimit: endpoint.bodyLimit,
      onRequest: hideContentType,
      errorHandler: sendIngestError,
      handler: async (request, reply) => {
        const raw = request.raw as IngestRawRequest;
        const body = await endpoint.handler(pipeline, toIngestRequest(request), raw[ORIGINAL_CONTENT_TYPE]);
        void reply.headers(INGEST_CORS_HEADERS).type(endpoint.contentType).send(body);
      },
    });
    app.route({
      method: 'OPTIONS',
      url,
      handler: (_request, reply) => {
        void reply.code(200).headers(INGEST_CORS_HEADERS).send('');
      },
    });
  }
}

function hideContentType(request: FastifyRequest, _reply: FastifyReply, done: () => void): void {
  const headers = request.raw.headers;
  const contentType = headers['content-type'];
  if (contentType !== undefined) {
    (request.raw as IngestRawRequest)[ORIGINAL_CONTENT_TYPE] = contentType;
    delete headers['content-type'];
  }
  done();
}

function toIngestRequest(request: FastifyRequest): IngestRequest {
  const projectId = (request.params as { projectId: string }).projectId;
  if (!PROJECT_ID.test(projectId)) throw new AppError('not_found', `invalid project id '${projectId}'`);
  const body = request.body;
  return {
    projectId: Number(projectId),
    headers: request.headers,
    query: request.query as Record<string, unknown>,
    body: Buffer.isBuffer(body) ? body : Buffer.alloc(0),
    remoteAddress: request.raw.socket.remoteAddress,
  };
}

function sendIngestError(error: unknown, _request: FastifyRequest, reply: FastifyReply): void {
  const response = errorResponse(error);
  void reply
    .code(response.status)
    .headers(INGEST_CORS_HEADERS)
    .header('x-sentry-error', headerSafe(response.detail));
  if (response.retryAfter !== null) {
    void reply.header('retry-after', String(response.retryAfter));
    if (response.status === 429) {
      void reply.header('x-sentry-rate-limits', `${response.retryAfter}::project:quota_exceeded`);
    }
  }
  void reply.type('application/json').send(JSON.stringify({ detail: response.detail }));
}

/** Header values must be latin1 without control characters. */
function headerSafe(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, '?').slice(0, 200);
}
