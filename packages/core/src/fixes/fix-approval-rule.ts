import type { OrganizationRole } from '../accounts/account.ts';
import type { StoredFixAttempt } from './stored-fix-attempt.ts';

export type ApprovalCheck =
  { allowed: true } | { allowed: false; reason: string; code: 'conflict' | 'forbidden' };

const ADMIN_ROLES: readonly OrganizationRole[] = ['owner', 'admin'];

/**
 * Who may approve a verified fix that waits for approval: logic (B) and sensitive (C) fixes need an
 * admin or owner; a category A fix held back only by an agent's permission may be approved by any
 * member who may act on fixes.
 */
export function checkApproval(
  attempt: Pick<StoredFixAttempt, 'state' | 'category' | 'approverRole'>,
  role: OrganizationRole,
): ApprovalCheck {
  if (attempt.state !== 'awaiting_approval') {
    return { allowed: false, code: 'conflict', reason: `the fix is ${attempt.state}, not awaiting approval` };
  }
  const needsAdmin = attempt.category !== 'A' || attempt.approverRole === 'admin';
  if (needsAdmin && !ADMIN_ROLES.includes(role)) {
    return {
      allowed: false,
      code: 'forbidden',
      reason: `approving a category ${attempt.category ?? '?'} fix needs an admin or owner`,
    };
  }
  return { allowed: true };
}
