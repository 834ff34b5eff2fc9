import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { errorResponse } from './error-response.ts';

/**
 * Fastify without a logger (it sits on the ingest hot path), tolerant of trailing and repeated slashes
 * like Relay's `normalize_path`, and with a raw-bytes fallback parser for
 * every content type without a parser of its own (ingest routes always use it).
 */
export function createHttpServer(): FastifyInstance {
  const app = Fastify({
    logger: false,
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true },
    bodyLimit: 1024 * 1024,
    keepAliveTimeout: 10_000,
    forceCloseConnections: 'idle',
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
