import { createHash, randomBytes } from 'node:crypto';
import { SESSION_POLICY, isSessionExpired, newSessionTimes, slideSession } from '@fixloop/core';
import type { Clock, Storage, User } from '@fixloop/core';
import type { FastifyRequest } from 'fastify';
import type { SessionResolver } from '../api-authenticator.ts';
import type { Principal } from '../principal.ts';
import { SESSION_COOKIE, readCookie, sessionCookie } from './session-cookie.ts';

export type SessionPrincipal = Extract<Principal, { kind: 'session' }>;

/** The cookie value is 32 random bytes; the database only ever sees its SHA-256. */
export function hashSessionId(cookieValue: string): string {
  return createHash('sha256').update(cookieValue).digest('hex');
}

/**
 * Dashboard sessions: creates them at login, turns the cookie of a request into a Principal (the
 * `SessionResolver` of the authenticator), slides their expiry, revokes them.
 */
export class SessionManager implements SessionResolver {
  constructor(
    private readonly storage: Storage,
    private readonly clock: Clock,
    private readonly baseUrl: () => string,
  ) {}

  async resolve(request: FastifyRequest): Promise<SessionPrincipal | null> {
    const cookieValue = readCookie(request.headers.cookie, SESSION_COOKIE);
    if (cookieValue === null) return null;
    const idHash = hashSessionId(cookieValue);
    const session = await this.storage.sessions.findSession(idHash);
    if (session === null) return null;
    const now = this.clock.now();
    if (isSessionExpired(session, now)) {
      await this.storage.sessions.deleteSession(idHash);
      return null;
    }
    const slid = slideSession(session, now);
    if (slid !== null) await this.storage.sessions.touchSession(idHash, slid.lastSeenAt, slid.expiresAt);
    const user = await this.storage.accounts.getUser(session.userId);
    if (user === null) return null;
    const memberships = await this.storage.accounts.listMemberships(user.id);
    return { kind: 'session', sessionId: idHash, csrfToken: session.csrfToken, user, memberships };
  }

  /** Starts a session for `user`; returns the Set-Cookie value and the principal it yields. */
  async create(user: User): Promise<{ setCookie: string; principal: SessionPrincipal }> {
    const now = this.clock.now();
    // Logins are rare, so this is where abandoned sessions are swept.
    await this.storage.sessions.deleteExpiredSessions(now);
    const cookieValue = randomBytes(32).toString('base64url');
    const session = {
      idHash: hashSessionId(cookieValue),
      userId: user.id,
      csrfToken: randomBytes(24).toString('base64url'),
      ...newSessionTimes(now),
    };
    await this.storage.sessions.createSession(session);
    const memberships = await this.storage.accounts.listMemberships(user.id);
    const setCookie = sessionCookie(cookieValue, {
      secure: this.secure(),
      maxAgeSeconds: Math.floor(SESSION_POLICY.maxAgeMs / 1000),
    });
    const principal: SessionPrincipal = {
      kind: 'session',
      sessionId: session.idHash,
      csrfToken: session.csrfToken,
      user,
      memberships,
    };
    return { setCookie, principal };
  }

  async destroy(sessionId: string): Promise<void> {
    await this.storage.sessions.deleteSession(sessionId);
  }

  clearedCookie(): string {
    return sessionCookie('', { secure: this.secure(), maxAgeSeconds: 0 });
  }

  private secure(): boolean {
    return this.baseUrl().startsWith('https:');
  }
}
