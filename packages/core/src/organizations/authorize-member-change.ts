import type { OrganizationRole } from '../accounts/account.ts';

const RANK: Record<OrganizationRole, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };

/** True when `role` is `minimum` or above it (owner > admin > member > viewer). */
export function roleAtLeast(role: OrganizationRole, minimum: OrganizationRole): boolean {
  return RANK[role] >= RANK[minimum];
}

export type MemberChange =
  | { kind: 'add'; role: OrganizationRole }
  | { kind: 'role'; targetRole: OrganizationRole; role: OrganizationRole }
  | { kind: 'remove'; targetRole: OrganizationRole };

export interface MemberChangeActor {
  role: OrganizationRole;
  /** Whether the caller holds `member:admin` in the organization (tokens may lack it). */
  canManageMembers: boolean;
  isSelf: boolean;
}

export type MemberChangeDecision = { allowed: true } | { allowed: false; reason: string };

/**
 * Who may add, re-role or remove a member. Anyone may leave; otherwise managing members needs
 * member:admin, and only owners may make, unmake or remove owners. (Keeping one owner is the store's
 * job: it must hold under concurrent requests.)
 */
export function authorizeMemberChange(actor: MemberChangeActor, change: MemberChange): MemberChangeDecision {
  if (change.kind === 'remove' && actor.isSelf) return { allowed: true };
  if (!actor.canManageMembers) {
    return { allowed: false, reason: 'You do not have permission to manage members (needs member:admin).' };
  }
  const touchesOwner =
    (change.kind !== 'remove' && change.role === 'owner') ||
    (change.kind !== 'add' && change.targetRole === 'owner');
  if (touchesOwner && actor.role !== 'owner') {
    return { allowed: false, reason: 'Only an owner can grant, change or remove the owner role.' };
  }
  return { allowed: true };
}
