import { AppError } from '@fixloop/core';
import type { Clock, Storage } from '@fixloop/core';
import type { FastifyRequest } from 'fastify';
import { hashApiToken } from '../bootstrap/bootstrap-accounts.ts';
import type { Principal } from './principal.ts';

/** Resolves a dashboard session cookie; the accounts module provides it. */
export interface SessionResolver {
  resolve(request: FastifyRequest): Promise<Principal | null>;
}

/** Writing last_used_at on every request would put a write on every read; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Turns a request into a Principal: `Authorization: Bearer <token>` first (scripts, sentry-cli), then
 * the session cookie. Throws `unauthenticated` when neither identifies anyone.
 */
export class ApiAuthenticator {
  private sessions: SessionResolver | null = null;

  constructor(
    private readonly storage: Storage,
    private readonly clock: Clock,
  ) {}

  useSessions(resolver: SessionResolver): void {
    this.sessions = resolver;
  }

  async authenticate(request: FastifyRequest): Promise<Principal> {
    const header = request.headers.authorization;
    if (typeof header === 'string' && header.length > 0) return this.fromBearer(header);
    const session = this.sessions === null ? null : await this.sessions.resolve(request);
    if (session !== null) return session;
    throw new AppError('unauthenticated', 'Authentication credentials were not provided.');
  }

  private async fromBearer(header: string): Promise<Principal> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match === null) throw new AppError('unauthenticated', 'Invalid authorization header.');
    const token = await this.storage.accounts.findApiTokenByHash(hashApiToken(match[1] ?? ''));
    if (token === null) throw new AppError('unauthenticated', 'Invalid token.');
    const now = this.clock.now();
    if (token.lastUsedAt === null || now.getTime() - token.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.storage.accounts.touchApiToken(token.id, now);
    }
    const user = token.userId === null ? null : await this.storage.accounts.getUser(token.userId);
    if (token.userId !== null && user === null) throw new AppError('unauthenticated', 'Invalid token.');
    const memberships = user === null ? [] : await this.storage.accounts.listMemberships(user.id);
    return { kind: 'token', token, user, memberships };
  }
}
