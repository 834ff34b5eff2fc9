import type { ApiScope, Clock, Storage } from '@fixloop/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ApiAccess } from './api-access.ts';
import type { AuditLogger } from './audit-logger.ts';
import type { InvestigationRunner } from '../investigations/investigation-runner.ts';
import type { AutofixModule } from '../autofix/autofix-module.ts';
import type { Principal } from './principal.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What every handler can reach. Route modules get it at registration, not from globals. */
export interface ApiServices {
  storage: Storage;
  clock: Clock;
  /** The public base URL (FIXLOOP_BASE_URL, else where the server listens), for permalinks and DSNs. */
  baseUrl(): string;
  access: ApiAccess;
  audit: AuditLogger;
  log: (line: string) => void;
  investigations: InvestigationRunner;
  /** Fix attempts: start, approve, reject, roll back, retry, sync (see apps/server/src/autofix). */
  autofix: AutofixModule;
  /** Starts the job worker now instead of at its next poll (after enqueueing from a request). */
  wakeWorker(): void;
}

export interface RouteContext<P, Q, B, A extends boolean> {
  params: P;
  query: Q;
  body: B;
  principal: [A] extends [false] ? Principal | null : Principal;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * One Web API route: its zod schemas validate the request (400 naming the field) and generate the
 * OpenAPI document, so the two cannot drift apart.
 */
export interface RouteSpec<P = unknown, Q = unknown, B = unknown, A extends boolean = true> {
  method: HttpMethod;
  /** Fastify syntax, e.g. `/api/0/issues/:issueId/`. */
  path: string;
  summary: string;
  tags: string[];
  /** Default true. Routes with `auth: false` receive a principal only when one was sent. */
  auth?: A;
  /** The scope the route needs, documented in OpenAPI; enforced by `access` against the resource's org. */
  scope?: ApiScope;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Default 200; a handler returning `undefined` answers 204. */
  status?: number;
  /** Request body cap in bytes for this route (default: the server's 1 MiB), e.g. for sentry-cli chunks. */
  bodyLimit?: number;
  handler(context: RouteContext<P, Q, B, NoInfer<A>>): Promise<unknown>;
}

export type AnyRouteSpec = RouteSpec<any, any, any, boolean>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a registry of heterogeneous routes

/** Identity function that lets TypeScript infer P, Q, B from the schemas. */
export function defineRoute<P = unknown, Q = unknown, B = unknown, A extends boolean = true>(
  spec: RouteSpec<P, Q, B, A>,
): RouteSpec<P, Q, B, A> {
  return spec;
}
