import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import { auditLogRoutes } from '../audit/audit-log-routes.ts';
import { memberRoutes } from '../organizations/member-routes.ts';
import { organizationRoutes } from '../organizations/organization-routes.ts';
import { teamMembershipRoutes } from '../organizations/team-membership-routes.ts';
import { teamRoutes } from '../organizations/team-routes.ts';
import { projectKeyRoutes } from '../projects/project-key-routes.ts';
import { projectRoutes } from '../projects/project-routes.ts';
import type { AccountApiOptions } from './account-api-options.ts';
import { apiTokenRoutes } from './api-token-routes.ts';
import { authRoutes } from './auth-routes.ts';

/** Accounts, sessions, tokens, organizations, teams, members, projects, keys and the audit log. */
export function accountApiRoutes(services: ApiServices, options: AccountApiOptions): AnyRouteSpec[] {
  return [
    ...authRoutes(services, options),
    ...apiTokenRoutes(services),
    ...organizationRoutes(services),
    ...teamRoutes(services),
    ...memberRoutes(services),
    ...teamMembershipRoutes(services),
    ...projectRoutes(services, options),
    ...projectKeyRoutes(services, options),
    ...auditLogRoutes(services),
  ];
}
