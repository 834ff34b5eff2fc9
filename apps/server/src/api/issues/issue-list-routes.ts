import { z } from 'zod';
import type { ApiScope } from '@fixloop/core';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices, RouteContext } from '../api-route.ts';
import { linkHeader } from '../cursor-pagination.ts';
import type { Principal } from '../principal.ts';
import { bulkDeleteIssues, bulkUpdateIssues } from './bulk-issue-update.ts';
import { issueListQuery } from './issue-list-query.ts';
import type { IssueListQuery } from './issue-list-query.ts';
import { organizationIssueScope, projectIssueScope } from './issue-scope.ts';
import { issueUpdateBody } from './issue-update-body.ts';
import type { IssueStatsPeriod } from './issue-stats-window.ts';
import { issueViews } from './issue-views.ts';
import type { StatsRequest } from './issue-views.ts';
import { runIssueSearch } from './run-issue-search.ts';
import type { IssueSearchScope } from './run-issue-search.ts';
import { badParam, parsePeriodMs } from '../stats/stats-period.ts';

const orgParams = z.object({ org: z.string() });
const projectParams = z.object({ org: z.string(), project: z.string() });
type Scoper = (
  principal: Principal,
  params: Record<string, string>,
  query: IssueListQuery,
  scope: ApiScope,
) => Promise<IssueSearchScope>;

/**
 * Sentry's issue lists: GET with the search syntax, Link pagination, X-Hits and per-issue stats; PUT
 * to change (or merge) the selected issues; DELETE to remove them. Selected means `?id=` or, without
 * ids, the issues the query matches.
 */
export function issueListRoutes(services: ApiServices): AnyRouteSpec[] {
  const org: Scoper = (p, params, query, scope) =>
    organizationIssueScope(services, p, params['org'] ?? '', query.project, scope);
  const project: Scoper = (p, params, _query, scope) =>
    projectIssueScope(services, p, params['org'] ?? '', params['project'] ?? '', scope);
  return [
    ...listRoutes(services, '/api/0/organizations/:org/issues/', orgParams, org, 'organization'),
    ...listRoutes(services, '/api/0/projects/:org/:project/issues/', projectParams, project, 'project'),
  ];
}

function listRoutes(
  services: ApiServices,
  path: string,
  params: z.ZodType<Record<string, string>>,
  scoper: Scoper,
  level: 'organization' | 'project',
): AnyRouteSpec[] {
  return [
    defineRoute({
      method: 'GET',
      path,
      summary: `List and search the ${level}'s issues (Sentry search syntax)`,
      tags: ['issues'],
      scope: 'event:read',
      params,
      query: issueListQuery,
      handler: async (c) =>
        listIssues(services, c, await scoper(c.principal, c.params, c.query, 'event:read'), level),
    }),
    defineRoute({
      method: 'PUT',
      path,
      summary: `Bulk-update or merge the ${level}'s issues (?id=…, else those the query matches)`,
      tags: ['issues'],
      scope: 'event:write',
      params,
      query: issueListQuery,
      body: issueUpdateBody,
      handler: async ({ principal, params: p, query, body, reply }) => {
        const scope = await scoper(principal, p, query, 'event:write');
        const result = await bulkUpdateIssues(services, principal, scope, query, body);
        if (result === null) return reply.code(204).send();
        return result;
      },
    }),
    defineRoute({
      method: 'DELETE',
      path,
      summary: `Bulk-delete the ${level}'s issues (?id=…, else those the query matches)`,
      tags: ['issues'],
      scope: 'event:admin',
      params,
      query: issueListQuery,
      handler: async ({ principal, params: p, query }) => {
        await bulkDeleteIssues(services, principal, await scoper(principal, p, query, 'event:admin'), query);
        return undefined;
      },
    }),
  ];
}

async function listIssues(
  services: ApiServices,
  { principal, query, request, reply }: RouteContext<Record<string, string>, IssueListQuery, unknown, true>,
  scope: IssueSearchScope,
  level: 'organization' | 'project',
) {
  const outcome = await runIssueSearch(services, principal, scope, query);
  const periods = statsPeriodsOf(query, level);
  const environments = query.environment ?? [];
  const { organization } = scope;
  const body = await issueViews(services, principal, organization, outcome.issues, periods, environments);
  const hasMore = outcome.offset + outcome.issues.length < outcome.total;
  void reply.header(
    'Link',
    linkHeader(new URL(request.url, services.baseUrl()), {
      offset: outcome.offset,
      limit: query.limit,
      hasMore,
    }),
  );
  void reply.header('X-Hits', String(outcome.total));
  if (outcome.directHit) void reply.header('X-Sentry-Direct-Hit', '1');
  return body;
}

/** Sentry's project issue lists take only these stats periods. */
const PROJECT_STATS_PERIODS = ['', '24h', '14d'];

/**
 * Which stats each issue carries. Project lists: `statsPeriod` is the stats ('' for none, 24h by
 * default, anything else a 400 like Sentry's). Organization lists: `groupStatsPeriod`, where `auto`
 * (answered under the key `auto`, as Sentry does) picks 24h for windows up to a day and 14d otherwise.
 * Without it, Sentry always answers `24h`; Fixloop adds the window's own series beside it (the
 * dashboard draws that one), so scripts written for Sentry find their `stats["24h"]`.
 */
function statsPeriodsOf(query: IssueListQuery, level: 'organization' | 'project'): StatsRequest[] {
  if (level === 'project') {
    const period = query.statsPeriod ?? '24h';
    if (!PROJECT_STATS_PERIODS.includes(period))
      throw badParam('statsPeriod', "project issue lists take '', '24h' or '14d'");
    return period === '14d' ? ['14d'] : period === '' ? [] : ['24h'];
  }
  const group = query.groupStatsPeriod;
  if (group === '') return [];
  if (group === '24h' || group === '14d') return [group];
  const auto = autoStatsPeriod(query);
  if (group === 'auto') return [{ key: 'auto', period: auto }];
  return auto === '24h' ? ['24h'] : ['24h', auto];
}

function autoStatsPeriod(query: IssueListQuery): IssueStatsPeriod {
  const windowMs = query.statsPeriod === undefined ? null : parsePeriodMs(query.statsPeriod);
  if (windowMs !== null && windowMs <= 86_400_000) return '24h';
  return query.statsPeriod === undefined && query.start === undefined ? '24h' : '14d';
}
