import { randomBytes } from 'node:crypto';
import { AppError, LoginThrottle } from '@fixloop/core';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { hashPassword, verifyPassword } from '../../bootstrap/password-hash.ts';
import { clientIpOf } from '../../ingest/client-ip.ts';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import type { Principal } from '../principal.ts';
import type { AccountApiOptions } from './account-api-options.ts';
import { fieldError } from './field-error.ts';
import { serializeUser } from './serialize-user.ts';

const INVALID_LOGIN = 'Invalid email or password.';
export const MIN_PASSWORD_LENGTH = 10;
/** scrypt cost grows with the input; a cap keeps a login request cheap. */
const MAX_PASSWORD_LENGTH = 256;

/** Dashboard login, session, logout and password change (`/api/0/auth/...`). */
export function authRoutes(services: ApiServices, options: AccountApiOptions): AnyRouteSpec[] {
  // Per account: stops guessing one password. Per address, looser: one office may share an IP.
  const perAccount = new LoginThrottle({ maxFailures: 10, windowMs: 15 * 60_000 });
  const perAddress = new LoginThrottle({ maxFailures: 100, windowMs: 15 * 60_000 });
  // Unknown emails still pay for one scrypt, so timing does not tell which accounts exist.
  let decoy: Promise<string> | null = null;
  const checkPassword = async (password: string, user: { passwordHash: string } | null) => {
    if (user !== null) return verifyPassword(password, user.passwordHash);
    await verifyPassword(password, await (decoy ??= hashPassword(randomBytes(16).toString('hex'))));
    return false;
  };
  const throttleOrThrow = (account: string, address: string | null) => {
    const now = services.clock.now().getTime();
    for (const decision of [perAccount.check([account], now), perAddress.check([address ?? ''], now)]) {
      if (!decision.allowed) {
        throw new AppError('rate_limited', 'Too many failed attempts; try again later.', {
          retryAfter: decision.retryAfterSeconds,
        });
      }
    }
  };
  const recordFailure = (account: string, address: string | null) => {
    const now = services.clock.now().getTime();
    perAccount.recordFailure([account], now);
    if (address !== null) perAddress.recordFailure([address], now);
  };
  return [
    defineRoute({
      method: 'POST',
      path: '/api/0/auth/login/',
      summary: 'Log in with email and password; sets the session cookie',
      tags: ['auth'],
      auth: false,
      body: z.object({
        email: z.string().trim().min(1).max(320),
        password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
      }),
      handler: async ({ body, request, reply }) => {
        const email = body.email.toLowerCase();
        const address = clientAddress(request, options.trustProxy);
        throttleOrThrow(`email:${email}`, address);
        const user =
          (await services.storage.accounts.findUserByEmail(email)) ??
          (await services.storage.accounts.findUserByEmail(body.email));
        if (!(await checkPassword(body.password, user)) || user === null) {
          recordFailure(`email:${email}`, address);
          throw new AppError('unauthenticated', INVALID_LOGIN);
        }
        perAccount.reset(`email:${email}`);
        const { passwordHash: _, ...plain } = user;
        const { setCookie, principal } = await options.sessions.create(plain);
        reply.header('set-cookie', setCookie);
        await services.audit.record(principal, {
          organizationId: null,
          action: 'auth.login',
          target: `user:${plain.id}`,
        });
        return { user: serializeUser(plain), csrfToken: principal.csrfToken };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/0/auth/session/',
      summary: 'The logged-in user, the CSRF token and the organizations of this session',
      tags: ['auth'],
      handler: async ({ principal }) => {
        const session = requireSession(principal);
        const organizations = (await services.access.visibleOrganizations(session)).map(
          ({ organization, role }) => ({
            id: String(organization.id),
            slug: organization.slug,
            name: organization.name,
            role,
          }),
        );
        return { user: serializeUser(session.user), csrfToken: session.csrfToken, organizations };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/0/auth/logout/',
      summary: 'End this session (deletes it server-side and clears the cookie)',
      tags: ['auth'],
      handler: async ({ principal, reply }) => {
        reply.header('set-cookie', options.sessions.clearedCookie());
        if (principal.kind !== 'session') return undefined;
        await options.sessions.destroy(principal.sessionId);
        await services.audit.record(principal, {
          organizationId: null,
          action: 'auth.logout',
          target: `user:${principal.user.id}`,
        });
        return undefined;
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/0/auth/password/',
      summary: "Change the caller's password; revokes the user's other sessions",
      tags: ['auth'],
      body: z.object({
        currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
        newPassword: z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH),
      }),
      handler: async ({ body, principal }) => {
        const user = principal.user;
        if (user === null) throw new AppError('forbidden', 'This token belongs to no user.');
        throttleOrThrow(`user:${user.id}`, null);
        const stored = await services.storage.accounts.findUserByEmail(user.email);
        if (!(await checkPassword(body.currentPassword, stored))) {
          recordFailure(`user:${user.id}`, null);
          throw fieldError('currentPassword', 'The current password is not correct.');
        }
        if (body.newPassword === body.currentPassword) {
          throw fieldError('newPassword', 'The new password must differ from the current one.');
        }
        await services.storage.accounts.updateUser(user.id, {
          passwordHash: await hashPassword(body.newPassword),
          mustChangePassword: false,
        });
        const keep = principal.kind === 'session' ? principal.sessionId : undefined;
        const revoked = await services.storage.sessions.deleteUserSessions(user.id, keep);
        await services.audit.record(principal, {
          organizationId: null,
          action: 'user.password_change',
          target: `user:${user.id}`,
          before: { mustChangePassword: user.mustChangePassword },
          after: { mustChangePassword: false, sessionsRevoked: revoked },
        });
        return undefined;
      },
    }),
  ];
}

function requireSession(principal: Principal): Extract<Principal, { kind: 'session' }> {
  if (principal.kind !== 'session') throw new AppError('unauthenticated', 'No dashboard session.');
  return principal;
}

function clientAddress(request: FastifyRequest, trustProxy: boolean): string | null {
  return clientIpOf(request.headers, request.socket.remoteAddress, trustProxy);
}
