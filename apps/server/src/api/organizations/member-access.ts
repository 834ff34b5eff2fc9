import { AppError, authorizeMemberChange } from '@fixloop/core';
import type { MemberChange, OrganizationMember } from '@fixloop/core';
import type { OrganizationAccess } from '../api-access.ts';
import type { ApiServices } from '../api-route.ts';
import { effectiveScopes } from '../principal.ts';
import type { Principal } from '../principal.ts';

/** A member of an organization the principal can see (`me` is the caller); others are 404. */
export async function memberAccess(
  services: ApiServices,
  principal: Principal,
  orgSlug: string,
  memberId: string,
): Promise<OrganizationAccess & { member: OrganizationMember }> {
  const access = await services.access.organization(principal, orgSlug, 'member:read');
  const userId = memberId === 'me' ? (principal.user?.id ?? null) : Number(memberId);
  const members = await services.storage.accounts.listMembers(access.organization.id);
  const member = members.find((m) => m.userId === userId);
  if (member === undefined) throw new AppError('not_found', 'The requested member does not exist.');
  return { ...access, member };
}

/** Throws 403 unless the principal may make `change` (see authorizeMemberChange). */
export function assertMemberChange(
  principal: Principal,
  access: OrganizationAccess,
  change: MemberChange,
  targetUserId: number | null,
): void {
  const decision = authorizeMemberChange(
    {
      role: access.role,
      canManageMembers: effectiveScopes(principal, access.organization.id).has('member:admin'),
      isSelf: targetUserId !== null && principal.user?.id === targetUserId,
    },
    change,
  );
  if (!decision.allowed) throw new AppError('forbidden', decision.reason);
}
