import { AppError } from '@fixloop/core';
import type { ApiScope, Issue, Organization, OrganizationRole, Project, Storage } from '@fixloop/core';
import { effectiveScopes, roleIn } from './principal.ts';
import type { Principal } from './principal.ts';

export interface OrganizationAccess {
  organization: Organization;
  role: OrganizationRole;
}

export interface ProjectAccess extends OrganizationAccess {
  project: Project;
}

export interface IssueAccess extends ProjectAccess {
  issue: Issue;
}

/**
 * Tenant isolation in one place. A resource in an organization the principal does not belong to is
 * reported as missing (404), exactly like one that does not exist, so ids and slugs of other tenants
 * leak nothing; a visible resource without the needed scope is 403.
 */
export class ApiAccess {
  constructor(private readonly storage: Storage) {}

  async organization(principal: Principal, slug: string, scope: ApiScope): Promise<OrganizationAccess> {
    const organization = await this.storage.projects.getOrganizationBySlug(slug);
    if (organization === null) throw notFound('organization');
    return { organization, role: this.check(principal, organization.id, scope, 'organization') };
  }

  async project(
    principal: Principal,
    orgSlug: string,
    projectSlug: string,
    scope: ApiScope,
  ): Promise<ProjectAccess> {
    // Visibility, not org:read: a token scoped to project:releases (sentry-cli) has no org scope.
    const organization = await this.storage.projects.getOrganizationBySlug(orgSlug);
    if (organization === null || roleIn(principal, organization.id) === null) throw notFound('project');
    const project = await this.storage.projects.getProjectBySlug(organization.id, projectSlug);
    if (project === null) throw notFound('project');
    return { organization, project, role: this.check(principal, organization.id, scope, 'project') };
  }

  async projectById(principal: Principal, projectId: number, scope: ApiScope): Promise<ProjectAccess> {
    const project = await this.storage.projects.getProject(projectId);
    if (project === null) throw notFound('project');
    const organization = await this.organizationById(project.organizationId);
    return { organization, project, role: this.check(principal, organization.id, scope, 'project') };
  }

  async issue(principal: Principal, issueId: number, scope: ApiScope): Promise<IssueAccess> {
    const issue = await this.storage.issues.getIssue(issueId);
    if (issue === null) throw notFound('issue');
    const access = await this.projectById(principal, issue.projectId, scope).catch((error: unknown) => {
      throw error instanceof AppError && error.code === 'forbidden' ? error : notFound('issue');
    });
    return { ...access, issue };
  }

  /** Organizations the principal may see, in id order. */
  async visibleOrganizations(principal: Principal): Promise<OrganizationAccess[]> {
    const all = await this.storage.projects.listOrganizations();
    return all.flatMap((organization) => {
      const role = roleIn(principal, organization.id);
      return role === null ? [] : [{ organization, role }];
    });
  }

  /** Throws unless the principal has `scope` in the organization; returns its role. */
  check(principal: Principal, organizationId: number, scope: ApiScope, what: string): OrganizationRole {
    const role = roleIn(principal, organizationId);
    if (role === null) throw notFound(what);
    if (!effectiveScopes(principal, organizationId).has(scope)) {
      throw new AppError('forbidden', `You do not have permission to perform this action (needs ${scope}).`);
    }
    return role;
  }

  private async organizationById(id: number): Promise<Organization> {
    const organizations = await this.storage.projects.listOrganizations();
    const organization = organizations.find((o) => o.id === id);
    if (organization === undefined) throw notFound('organization');
    return organization;
  }
}

function notFound(what: string): AppError {
  return new AppError('not_found', `The requested ${what} does not exist.`);
}
