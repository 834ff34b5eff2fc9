import type { ApiScope, Organization, OrganizationRole } from '@fixloop/core';

export interface OrganizationJson {
  id: string;
  slug: string;
  name: string;
  dateCreated: string;
  status: { id: 'active'; name: 'active' };
  /** The caller's role here (Sentry's `orgRole`; `role` for older clients). */
  role: OrganizationRole;
  orgRole: OrganizationRole;
  /** The caller's effective scopes here. */
  access?: ApiScope[];
}

export function serializeOrganization(
  organization: Organization,
  role: OrganizationRole,
  access?: Iterable<ApiScope>,
): OrganizationJson {
  return {
    id: String(organization.id),
    slug: organization.slug,
    name: organization.name,
    dateCreated: organization.createdAt.toISOString(),
    status: { id: 'active', name: 'active' },
    role,
    orgRole: role,
    ...(access === undefined ? {} : { access: [...access] }),
  };
}
