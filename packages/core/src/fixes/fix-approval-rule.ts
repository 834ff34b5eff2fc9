import type { OrganizationRole } from '../accounts/account.ts';
import type { StoredFixAttempt } from './stored-fix-attempt.ts';

export type ApprovalCheck =
  { allowed: true } | { allowed: false; reason: string; code: 'conflict' | 'forbidden' };

const ADMIN_ROLES: readonly OrganizationRole[] = ['owner', 'admin'];

/**
 * Who may approve a verified fix that waits for approval: sensitive (C) fixes, and any fix the engine
 * proposed to admins, need an admin or owner; A and B fixes may be approved by any member who may act
 * on fixes (the engine records them with approver role `member`, and the API must honour what it shows).
 */
export function checkApproval(
  attempt: Pick<StoredFixAttempt, 'state' | 'category' | 'approverRole'>,
  role: OrganizationRole,
): ApprovalCheck {
  if (attempt.state !== 'awaiting_approval') {
    return { allowed: false, code: 'conflict', reason: `the fix is ${attempt.state}, not awaiting approval` };
  }
  const needsAdmin = attempt.category === 'C' || attempt.approverRole === 'admin';
  if (needsAdmin && !ADMIN_ROLES.includes(role)) {
    return {
      allowed: false,
      code: 'forbidden',
      reason: `approving a category ${attempt.category ?? '?'} fix needs an admin or owner`,
    };
  }
  return { allowed: true };
}
