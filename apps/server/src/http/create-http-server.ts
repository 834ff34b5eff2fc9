import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { errorResponse } from './error-response.ts';

/** Handles a request itself when it is one of its routes (returns true), else leaves it to Fastify. */
export type RawRoute = (request: IncomingMessage, response: ServerResponse) => boolean;

const KEEP_ALIVE_TIMEOUT_MS = 10_000;

/**
 * Fastify behind `rawRoutes` (the ingest endpoints, which answer on node:http itself), without a
 * logger, tolerant of trailing and repeated slashes like Relay's `normalize_path`, and with a
 * raw-bytes fallback parser for every content type without a parser of its own.
 */
export function createHttpServer(rawRoutes: readonly RawRoute[] = []): FastifyInstance {
  const app = Fastify({
    logger: false,
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true },
    bodyLimit: 1024 * 1024,
    forceCloseConnections: 'idle',
    // Raw routes (ingest) answer on node:http itself before Fastify sees the request.
    serverFactory: (fastifyHandler) => {
      const server = createServer((request, response) => {
        for (const route of rawRoutes) if (route(request, response)) return;
        fastifyHandler(request, response);
      });
      // Fastify configures only servers it creates: the keep-alive is set here; Node's own 300 s
      // request timeout stays on (Fastify's default would have turned it off).
      server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
      return server;
    },
  });
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error, _request, reply) => {
    const response = errorResponse(error);
    void reply
      .code(response.status)
      .type('application/json')
      .send(
        JSON.stringify({ detail: response.detail, ...(response.fields ? { errors: response.fields } : {}) }),
      );
  });
  return app;
}
