import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '@fixloop/core';
import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import { clientIpOf } from '../../ingest/client-ip.ts';
import { commitUnit, enforceRateLimit } from '../../ingest/ingest-pipeline.ts';
import type { IngestPipeline } from '../../ingest/ingest-pipeline.ts';
import { IngestUnitBuilder } from '../../ingest/ingest-unit-builder.ts';
import { LOG_SEVERITIES, logBody, logToSentryEvent } from './log-event.ts';
import type { LogBody } from './log-event.ts';
import { recentErrors } from './recent-errors.ts';

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'content-type, x-fixloop-key',
  'access-control-max-age': '86400',
};

/**
 * The simple log API: `POST /api/errors/log` with a project's DSN public key turns a log line into
 * a normal event and sends it through the same pipeline as SDK events (normalize, group, batch);
 * `GET /api/errors/recent` lists recent events in the same simple shape, for a token.
 */
export function logApiRoutes(services: ApiServices, pipeline: IngestPipeline): AnyRouteSpec[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/api/errors/log',
      summary:
        'Simple log API: record an error (auth: the project’s DSN public key in X-Fixloop-Key or ?key=)',
      tags: ['log-api'],
      auth: false,
      query: z.object({ key: z.string().max(100).optional() }),
      body: logBody,
      handler: async ({ query, body, request }) => {
        const header = request.headers['x-fixloop-key'];
        const key = (typeof header === 'string' ? header : (query.key ?? '')).trim();
        const project = await pipeline.authenticator.authenticateKey(key, Date.now());
        const id = await ingestLogLine(pipeline, project, body, request);
        return { id };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/errors/recent',
      summary: 'Simple log API: recent events, newest first (token with event:read)',
      tags: ['log-api'],
      scope: 'event:read',
      query: z.object({
        limit: z.coerce.number().int().min(1).max(100).default(20),
        severity: z.enum(LOG_SEVERITIES).optional(),
        service: z.string().max(100).optional(),
        source: z.string().max(100).optional(),
        project: z.string().max(100).optional(),
      }),
      handler: async ({ principal, query }) => ({ events: await recentErrors(services, principal, query) }),
    }),
  ];
}

/**
 * Browsers preflight the X-Fixloop-Key header, and can read an answer only when it carries the CORS
 * headers. Setting them before validation runs keeps them on 400s and 401s too, so a browser logger
 * sees which field was wrong instead of an opaque network error.
 */
export function registerLogApiPreflight(app: FastifyInstance): void {
  app.options('/api/errors/log', (_request, reply) => {
    void reply.code(204).headers(CORS).send();
  });
  app.addHook('onRequest', (request, reply, done) => {
    if (request.method === 'POST' && request.routeOptions.url === '/api/errors/log') void reply.headers(CORS);
    done();
  });
}

async function ingestLogLine(
  pipeline: IngestPipeline,
  project: Parameters<typeof enforceRateLimit>[1],
  body: LogBody,
  request: {
    headers: Record<string, string | string[] | undefined>;
    raw: { socket: { remoteAddress?: string | undefined } };
  },
): Promise<string> {
  const receivedAt = pipeline.clock.now();
  enforceRateLimit(pipeline, project, 1, receivedAt);
  const eventId = randomUUID().replace(/-/g, '');
  const context = {
    projectId: project.id,
    receivedAt,
    clientIp: clientIpOf(request.headers, request.raw.socket.remoteAddress, pipeline.trustProxy),
    scrubbing: project.settings.scrubbing,
  };
  const builder = new IngestUnitBuilder(project.id, receivedAt);
  const raw = logToSentryEvent(body, eventId, receivedAt);
  for (const write of await pipeline.processor.process([{ raw, envelopeEventId: null }], context)) {
    builder.unit.events.push(write);
    builder.outcome('error', 'accepted');
  }
  const [result] = await commitUnit(pipeline, builder);
  if (result === undefined) throw new AppError('internal', 'the log line was not stored');
  return result.eventId;
}
