import { useParams } from 'react-router';
import type { OrganizationSummary, Role } from '../api/types.ts';
import { can } from './permissions.ts';
import type { Permission } from './permissions.ts';
import { useSession } from './use-session.ts';

export interface CurrentOrganization {
  slug: string;
  organization: OrganizationSummary | undefined;
  role: Role | null;
  can(permission: Permission): boolean;
}

/** The organization in the URL and the signed-in user's role in it. */
export function useOrganization(): CurrentOrganization {
  const { orgSlug = '' } = useParams();
  const session = useSession();
  const organization = session.organizations.find((o) => o.slug === orgSlug);
  const role = organization?.role ?? null;
  return { slug: orgSlug, organization, role, can: (permission) => can(role, permission) };
}
