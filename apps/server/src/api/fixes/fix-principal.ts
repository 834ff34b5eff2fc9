import { AppError } from '@fixloop/core';
import type { FixActor, OrganizationRole } from '@fixloop/core';
import { effectiveScopes, type Principal } from '../principal.ts';

/**
 * Who acts on a fix: a signed-in user or a user's token is a person (with their role, which decides
 * approvals); a token without a user (FIXLOOP_ADMIN_TOKEN, automation) is an agent and cannot approve.
 */
export function fixActorFor(principal: Principal, role: OrganizationRole): FixActor {
  if (principal.user !== null) {
    return { kind: 'user', userId: principal.user.id, name: principal.user.email, role: role === 'owner' || role === 'admin' ? 'admin' : 'member' }; // prettier-ignore
  }
  return { kind: 'agent', name: principal.kind === 'token' ? `token:${principal.token.name}` : 'api' };
}

/** Acting on fixes (approve, reject, roll back, retry, start, switch) needs project:write or event:admin. */
export function assertCanActOnFixes(principal: Principal, organizationId: number): void {
  const scopes = effectiveScopes(principal, organizationId);
  if (!scopes.has('project:write') && !scopes.has('event:admin')) {
    throw new AppError('forbidden', 'You do not have permission to perform this action (needs project:write or event:admin).'); // prettier-ignore
  }
}
