import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { AppError } from '@fixloop/core';
import { INGEST_LIMITS } from '@fixloop/ingest';
import type { RawRoute } from '../http/create-http-server.ts';
import { errorResponse } from '../http/error-response.ts';
import { INGEST_CORS_HEADERS } from './cors-headers.ts';
import { handleEnvelope } from './envelope-endpoint.ts';
import type { IngestPipeline, IngestRequest } from './ingest-pipeline.ts';
import { readRequestBody } from './read-request-body.ts';
import { handleSecurity, handleStore } from './store-endpoint.ts';

type Handler = (
  pipeline: IngestPipeline,
  request: IngestRequest,
  contentType: string | undefined,
) => Promise<string>;

interface Endpoint {
  bodyLimit: number;
  handler: Handler;
  contentType: string;
}

const ENDPOINTS = new Map<string, Endpoint>([
  [
    'envelope',
    { bodyLimit: INGEST_LIMITS.requestCompressed, handler: handleEnvelope, contentType: 'application/json' },
  ],
  [
    'store',
    {
      bodyLimit: INGEST_LIMITS.storeRequestCompressed,
      handler: handleStore,
      contentType: 'application/json',
    },
  ],
  [
    'security',
    { bodyLimit: INGEST_LIMITS.securityReport, handler: handleSecurity, contentType: 'text/plain' },
  ],
  [
    'csp-report',
    { bodyLimit: INGEST_LIMITS.securityReport, handler: handleSecurity, contentType: 'text/plain' },
  ],
]);

/** `/api/{project}/{endpoint}/`, the trailing slash optional; repeated slashes are collapsed first. */
const INGEST_PATH = /^\/api\/([^/]+)\/(envelope|store|security|csp-report)\/?$/;
const PROJECT_ID = /^\d{1,15}$/;

/**
 * The ingest endpoints (spec §2) on node:http itself, ahead of Fastify: ingest is the one hot path,
 * and Fastify's routing, hooks, body parser and reply cost the writer thread 10-20 µs per 5 KB event
 * (5 KB peak +5% in four interleaved pairs, 2026-12-07, docs/adr/0003). The body is read as raw bytes
 * whatever the Content-Type says (@sentry/node sends none). Every other method and path, including
 * GET on an ingest path, falls through to Fastify.
 */
export function ingestHttpRouter(pipeline: IngestPipeline): RawRoute {
  return (request, response) => {
    const method = request.method;
    if (method !== 'POST' && method !== 'OPTIONS') return false;
    const url = request.url ?? '';
    const queryAt = url.indexOf('?');
    let path = queryAt === -1 ? url : url.slice(0, queryAt);
    if (path.includes('//')) path = path.replace(/\/{2,}/g, '/');
    const match = INGEST_PATH.exec(path);
    const endpoint = match ? ENDPOINTS.get(match[2] as string) : undefined;
    if (!match || !endpoint) return false;
    if (method === 'OPTIONS') {
      response.writeHead(200, { ...INGEST_CORS_HEADERS, 'content-length': '0' }).end();
      return true;
    }
    const query = queryAt === -1 ? {} : parseQuery(url.slice(queryAt + 1));
    serve(pipeline, endpoint, request, response, match[1] as string, query).catch((error: unknown) =>
      sendIngestError(response, error),
    );
    return true;
  };
}

async function serve(
  pipeline: IngestPipeline,
  endpoint: Endpoint,
  request: IncomingMessage,
  response: ServerResponse,
  projectId: string,
  query: Record<string, unknown>,
): Promise<void> {
  const body = await readRequestBody(request, endpoint.bodyLimit);
  if (!PROJECT_ID.test(projectId)) throw new AppError('not_found', `invalid project id '${projectId}'`);
  const text = await endpoint.handler(
    pipeline,
    {
      projectId: Number(projectId),
      headers: request.headers,
      query,
      body,
      remoteAddress: request.socket.remoteAddress,
    },
    request.headers['content-type'],
  );
  if (response.destroyed) return;
  response
    .writeHead(200, {
      ...INGEST_CORS_HEADERS,
      'content-type': `${endpoint.contentType}; charset=utf-8`,
      'content-length': String(Buffer.byteLength(text)),
    })
    .end(text);
}

function sendIngestError(response: ServerResponse, error: unknown): void {
  if (response.destroyed || response.headersSent) return;
  const { status, detail, retryAfter } = errorResponse(error);
  const headers: Record<string, string> = {
    ...INGEST_CORS_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'x-sentry-error': headerSafe(detail),
  };
  if (retryAfter !== null) {
    headers['retry-after'] = String(retryAfter);
    if (status === 429) headers['x-sentry-rate-limits'] = `${retryAfter}::project:quota_exceeded`;
  }
  // A body cut off at its limit has unread bytes left: close rather than read them to reuse the socket.
  if (status === 413) headers['connection'] = 'close';
  const text = JSON.stringify({ detail });
  headers['content-length'] = String(Buffer.byteLength(text));
  response.writeHead(status, headers).end(text);
}

/** Header values must be latin1 without control characters. */
function headerSafe(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, '?').slice(0, 200);
}
