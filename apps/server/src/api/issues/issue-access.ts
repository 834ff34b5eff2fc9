import { AppError } from '@fixloop/core';
import type { ApiScope } from '@fixloop/core';
import type { IssueAccess } from '../api-access.ts';
import type { ApiServices } from '../api-route.ts';
import type { Principal } from '../principal.ts';

export interface ResolvedIssueAccess extends IssueAccess {
  /** The id the caller asked for, when it was merged into this issue. */
  mergedFrom: number | null;
}

/**
 * An issue the principal may see, by id. A merged issue's old id resolves to the issue it was merged
 * into (Sentry's group redirects), so links and scripts holding old ids keep working. Under an
 * organization path the issue must belong to that organization, else it does not exist.
 */
export async function accessIssue(
  services: ApiServices,
  principal: Principal,
  rawId: string,
  scope: ApiScope,
  orgSlug?: string,
): Promise<ResolvedIssueAccess> {
  if (!/^\d{1,15}$/.test(rawId)) throw notFound();
  const id = Number(rawId);
  let mergedFrom: number | null = null;
  let targetId = id;
  if ((await services.storage.issues.getIssue(id)) === null) {
    const redirect = await services.storage.issueWorkflow.resolveRedirect(id);
    if (redirect === null) throw notFound();
    mergedFrom = id;
    targetId = redirect;
  }
  const access = await services.access.issue(principal, targetId, scope);
  if (orgSlug !== undefined && access.organization.slug !== orgSlug) throw notFound();
  return { ...access, mergedFrom };
}

function notFound(): AppError {
  return new AppError('not_found', 'The requested issue does not exist.');
}
