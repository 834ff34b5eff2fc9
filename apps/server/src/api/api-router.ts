import { AppError } from '@fixloop/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ApiAuthenticator } from './api-authenticator.ts';
import type { AnyRouteSpec } from './api-route.ts';
import type { Principal } from './principal.ts';

/**
 * Registers RouteSpecs on Fastify: authenticate, CSRF-check cookie sessions, validate params, query and
 * body with zod, run the handler, serialize JSON. Keeps every spec for the OpenAPI document.
 */
export class ApiRouter {
  readonly routes: AnyRouteSpec[] = [];

  constructor(
    private readonly app: FastifyInstance,
    private readonly authenticator: ApiAuthenticator,
  ) {}

  add(...specs: AnyRouteSpec[]): void {
    for (const spec of specs) this.register(spec);
  }

  private register(spec: AnyRouteSpec): void {
    this.routes.push(spec);
    this.app.route({
      method: spec.method,
      url: spec.path,
      ...(spec.bodyLimit === undefined ? {} : { bodyLimit: spec.bodyLimit }),
      handler: async (request, reply) => {
        const principal = await this.principalFor(spec, request);
        const context = {
          params: parseWith(spec.params, request.params, 'path'),
          query: parseWith(spec.query, request.query, 'query'),
          body: parseWith(spec.body, requestBody(request, spec), 'body'),
          principal,
          request,
          reply,
        };
        // The route's status is the default; a handler may still pick another with reply.code().
        reply.code(spec.status ?? 200);
        // principalFor returns null only for `auth: false` routes, whose context type allows it.
        const result = await spec.handler(context as Parameters<AnyRouteSpec['handler']>[0]);
        if (reply.sent) return reply;
        if (result === undefined) return reply.code(reply.statusCode === 200 ? 204 : reply.statusCode).send();
        return reply.type('application/json').send(JSON.stringify(result));
      },
    });
  }

  private async principalFor(spec: AnyRouteSpec, request: FastifyRequest): Promise<Principal | null> {
    // A bad Authorization header is always an error; a stale cookie on a public route is anonymous.
    const required = spec.auth !== false || request.headers.authorization !== undefined;
    if (!required && request.headers.cookie === undefined) return null;
    const principal = await this.authenticator.authenticate(request).catch((error: unknown) => {
      if (required) throw error;
      return null;
    });
    if (principal?.kind === 'session' && spec.method !== 'GET') checkCsrf(principal, request);
    return principal;
  }
}

/** Cookie sessions are CSRF-able; a mutating request must echo the session's token in a header. */
function checkCsrf(principal: Extract<Principal, { kind: 'session' }>, request: FastifyRequest): void {
  if (request.headers['x-csrf-token'] !== principal.csrfToken) {
    throw new AppError('forbidden', 'CSRF token missing or incorrect.');
  }
}

function requestBody(request: FastifyRequest, spec: AnyRouteSpec): unknown {
  const body: unknown = request.body;
  if (spec.body === undefined || !(Buffer.isBuffer(body) || typeof body === 'string')) return body;
  // Some clients send JSON without a JSON content type: the catch-all parser hands us bytes, Fastify's
  // text/plain parser a string (browsers' sendBeacon and CORS-simple fetches send text/plain).
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(typeof body === 'string' ? body : body.toString('utf8'));
  } catch {
    throw new AppError('bad_request', 'Request body is not valid JSON.');
  }
}

function parseWith(schema: z.ZodType | undefined, value: unknown, where: string): unknown {
  if (schema === undefined) return value;
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (result.success) return result.data;
  const fields: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? issue.path.join('.') : where;
    (fields[field] ??= []).push(issue.message);
  }
  const [first] = Object.entries(fields);
  const detail =
    first === undefined ? `Invalid ${where}.` : `Invalid ${where} field "${first[0]}": ${first[1][0]}`;
  throw new AppError('bad_request', detail, { fields });
}
