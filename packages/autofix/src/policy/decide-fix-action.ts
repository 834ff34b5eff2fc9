import { permissionAtLeast, type AgentPermission, type PolicyCategory } from '@fixloop/core';

export type FixAction =
  | { action: 'commit'; reason: string }
  | { action: 'await_approval'; approverRole: 'member' | 'admin'; reason: string }
  | { action: 'not_allowed'; reason: string };

export interface FixPolicyOptions {
  /** Categories committed without approval once verified; the seed is A only. C never is. */
  autoCommit?: readonly PolicyCategory[];
}

/**
 * What happens to a verified fix: A is committed, B waits for a member's approval, C is only proposed
 * to admins. The agent's permission caps that: SUGGEST never commits, MINOR_FIX commits A only,
 * MAJOR_FIX also commits B where the policy auto-commits B; NONE and READ_ONLY may not propose fixes.
 */
export function decideFixAction(
  category: PolicyCategory,
  permission: AgentPermission,
  options: FixPolicyOptions = {},
): FixAction {
  if (!permissionAtLeast(permission, 'SUGGEST')) {
    return {
      action: 'not_allowed',
      reason: `the agent's permission ${permission} does not allow proposing fixes`,
    };
  }
  if (category === 'C') {
    return {
      action: 'await_approval',
      approverRole: 'admin',
      reason: 'category C is never auto-fixed: proposed to admins',
    };
  }
  const autoCommit = (options.autoCommit ?? ['A']).filter((c) => c !== 'C');
  if (!autoCommit.includes(category)) {
    return {
      action: 'await_approval',
      approverRole: 'member',
      reason: `category ${category} waits for approval`,
    };
  }
  const needed: AgentPermission = category === 'A' ? 'MINOR_FIX' : 'MAJOR_FIX';
  if (!permissionAtLeast(permission, needed)) {
    return { action: 'await_approval', approverRole: 'member', reason: `the agent's permission ${permission} does not allow committing category ${category}` }; // prettier-ignore
  }
  return { action: 'commit', reason: `category ${category}, verified, committed automatically` };
}
