import { AppError, parseIssueSearch, parseShortId } from '@fixloop/core';
import type { Issue, IssueSearchFilter, IssueSearchSort, Organization, Project } from '@fixloop/core';
import type { ApiServices } from '../api-route.ts';
import { cursorOffset } from '../cursor-pagination.ts';
import type { Principal } from '../principal.ts';
import { timeRange } from '../stats/stats-period.ts';
import type { IssueListQuery } from './issue-list-query.ts';
import { resolvePeopleFilters } from './resolve-people-filters.ts';

export const DEFAULT_ISSUE_QUERY = 'is:unresolved';
const DEFAULT_WINDOW_MS = 14 * 86_400_000;

export interface IssueSearchScope {
  organization: Organization;
  projects: Project[];
  /** Organization lists are limited to a time window (statsPeriod/start/end, 14 days by default). */
  windowed: boolean;
}

export interface IssueSearchOutcome {
  issues: Issue[];
  total: number;
  offset: number;
  /** True when `shortIdLookup` found the issue the query names. */
  directHit: boolean;
}

/** The query string compiled into filters, with people resolved and the environment/time params added. */
export async function searchFilters(
  services: ApiServices,
  principal: Principal,
  scope: IssueSearchScope,
  params: IssueListQuery,
): Promise<IssueSearchFilter[]> {
  const now = services.clock.now();
  const query = params.query ?? DEFAULT_ISSUE_QUERY;
  const parsed = parseIssueSearch(query, { now, userId: principal.user?.id ?? null });
  if (!parsed.ok) {
    const { message, position } = parsed.error;
    const detail = `Invalid search query at position ${position}: ${message}`;
    throw new AppError('bad_request', detail, { fields: { query: [detail] }, position });
  }
  const filters = await resolvePeopleFilters(services.storage, scope.organization.id, parsed.filters);
  if (params.environment !== undefined && params.environment.length > 0) {
    const patterns = params.environment.map((value) => ({ kind: 'exact' as const, value }));
    filters.push({ kind: 'tag', key: 'environment', patterns, negated: false });
  }
  if (scope.windowed) {
    const range = timeRange(params, now, DEFAULT_WINDOW_MS);
    filters.push({
      kind: 'compare',
      column: 'lastSeen',
      comparison: '>=',
      value: range.start.getTime(),
      negated: false,
    });
    if (params.start !== undefined) {
      filters.push({
        kind: 'compare',
        column: 'firstSeen',
        comparison: '<',
        value: range.end.getTime(),
        negated: false,
      });
    }
  }
  return filters;
}

/** Runs Sentry's issue list: short-id lookup first when asked, else the compiled search, one page. */
export async function runIssueSearch(
  services: ApiServices,
  principal: Principal,
  scope: IssueSearchScope,
  params: IssueListQuery,
): Promise<IssueSearchOutcome> {
  const offset = cursorOffset(params.cursor);
  if (params.shortIdLookup === '1' || params.shortIdLookup === 'true') {
    const hit = await shortIdLookup(services, scope.projects, params.query ?? '');
    if (hit !== null) return { issues: [hit], total: 1, offset: 0, directHit: true };
  }
  const filters = await searchFilters(services, principal, scope, params);
  const sort: IssueSearchSort =
    params.sort === undefined ? 'date' : params.sort === 'inbox' ? 'new' : params.sort;
  const { issues, total } = await services.storage.issues.searchIssues({
    projectIds: scope.projects.map((p) => p.id),
    filters,
    sort,
    limit: params.limit,
    offset,
    now: services.clock.now(),
    ...(params.environment === undefined ? {} : { environments: params.environment }),
  });
  return { issues, total, offset, directHit: false };
}

/** `PROJ-12` names issue 12 of project `proj`, also after it was merged elsewhere. */
export async function shortIdLookup(
  services: ApiServices,
  projects: Project[],
  query: string,
): Promise<Issue | null> {
  const parsed = parseShortId(query);
  if (parsed === null) return null;
  const project = projects.find((p) => p.slug.toLowerCase() === parsed.projectSlug);
  if (project === undefined) return null;
  const direct = await services.storage.issues.findIssueByShortId(project.id, parsed.shortId);
  if (direct !== null) return direct;
  const redirect = await services.storage.issueWorkflow.resolveShortIdRedirect(project.id, parsed.shortId);
  return redirect === null ? null : services.storage.issues.getIssue(redirect);
}
