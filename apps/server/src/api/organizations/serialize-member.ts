import type { OrganizationMember, OrganizationRole } from '@fixloop/core';
import type { TeamDirectory } from './team-directory.ts';

export interface MemberJson {
  /** The user's id: a user is a member of an organization at most once. */
  id: string;
  email: string;
  name: string;
  role: OrganizationRole;
  orgRole: OrganizationRole;
  user: { id: string; email: string; name: string; isSuperuser: boolean };
  teams: string[];
  dateCreated: string;
  pending: false;
  expired: false;
  inviteStatus: 'approved';
  /** Only when adding created the user: the password they must change at first login. */
  oneTimePassword?: string;
}

export function serializeMember(member: OrganizationMember, directory: TeamDirectory): MemberJson {
  return {
    id: String(member.userId),
    email: member.user.email,
    name: member.user.name,
    role: member.role,
    orgRole: member.role,
    user: {
      id: String(member.user.id),
      email: member.user.email,
      name: member.user.name,
      isSuperuser: member.user.isSuperuser,
    },
    teams: directory.teamsOfUser(member.userId).map((t) => t.slug),
    dateCreated: member.createdAt.toISOString(),
    pending: false,
    expired: false,
    inviteStatus: 'approved',
  };
}
