import { z } from 'zod';
import type { IssueSearchFilter, Project } from '@fixloop/core';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import { stringList } from '../issues/issue-list-query.ts';
import { organizationIssueScope } from '../issues/issue-scope.ts';
import {
  DAY_MS,
  ERROR_CATEGORIES,
  HOUR_MS,
  bucketEnd,
  bucketsFor,
  sumIntoBuckets,
  toPairs,
  trailingBuckets,
} from './outcome-series.ts';
import { badParam, parsePeriodMs, timeRange } from './stats-period.ts';
import { STATS_FIELDS, STATS_GROUP_BY, sentryCategory, statsV2Groups } from './stats-v2.ts';

/** What the legacy `stat=` names count, from Fixloop's outcomes. */
const LEGACY_STATS: Record<string, string[]> = {
  received: ['accepted', 'rate_limited', 'dropped', 'invalid'],
  rejected: ['rate_limited'],
  blacklisted: ['dropped'],
  generated: ['accepted'],
};

const intervalMs = (interval: '1h' | '1d') => (interval === '1h' ? HOUR_MS : DAY_MS);
const epochSeconds = z.coerce.number().int().min(0).max(32_503_680_000);

/** Event counts: Sentry's legacy project stats, stats_v2, and Fixloop's summary for the dashboard cards. */
export function statsRoutes(services: ApiServices): AnyRouteSpec[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/0/projects/:org/:project/stats/',
      summary:
        'Legacy project stats: `[[timestamp, count], …]` of received/rejected/blacklisted/generated events',
      tags: ['stats'],
      scope: 'project:read',
      params: z.object({ org: z.string(), project: z.string() }),
      query: z.object({
        stat: z.enum(['received', 'rejected', 'blacklisted', 'generated']).default('received'),
        since: epochSeconds.optional(),
        until: epochSeconds.optional(),
        resolution: z.enum(['1h', '1d']).default('1h'),
      }),
      handler: async ({ principal, params, query }) => {
        const { project } = await services.access.project(
          principal,
          params.org,
          params.project,
          'project:read',
        );
        const until = query.until === undefined ? services.clock.now() : new Date(query.until * 1000);
        const step = intervalMs(query.resolution);
        const since =
          query.since === undefined
            ? new Date(until.getTime() - (step === HOUR_MS ? DAY_MS : 14 * DAY_MS))
            : new Date(query.since * 1000);
        if (since > until) throw badParam('since', 'since must not be after until');
        const buckets = bucketsFor(since, new Date(until.getTime() + 1), step);
        const rows = await services.storage.events.listOutcomes({
          projectIds: [project.id],
          start: new Date(buckets.start),
          end: bucketEnd(buckets),
        });
        const counted = LEGACY_STATS[query.stat] ?? [];
        const relevant = rows.filter(
          (r) => ERROR_CATEGORIES.includes(r.category) && counted.includes(r.outcome),
        );
        return toPairs(
          buckets,
          sumIntoBuckets(relevant, buckets, (r) => r.quantity),
        );
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/0/organizations/:org/stats_v2/',
      summary: 'Sentry stats_v2: outcome counts per interval, grouped by category, outcome or project',
      tags: ['stats'],
      scope: 'org:read',
      params: z.object({ org: z.string() }),
      query: z.object({
        field: z.enum(STATS_FIELDS).default('sum(quantity)'),
        groupBy: stringList.pipe(z.array(z.enum(STATS_GROUP_BY)).optional()),
        category: stringList,
        outcome: stringList,
        project: stringList,
        interval: z.enum(['1h', '1d']).default('1h'),
        statsPeriod: z.string().max(10).optional(),
        start: z.string().max(40).optional(),
        end: z.string().max(40).optional(),
      }),
      handler: async ({ principal, params, query }) => {
        const { projects } = await organizationIssueScope(
          services,
          principal,
          params.org,
          query.project,
          'org:read',
        );
        const range = timeRange(query, services.clock.now(), 14 * DAY_MS);
        const buckets = bucketsFor(range.start, range.end, intervalMs(query.interval));
        const rows = (
          await services.storage.events.listOutcomes({
            projectIds: projects.map((p) => p.id),
            start: new Date(buckets.start),
            end: bucketEnd(buckets),
          })
        )
          .filter((r) => query.category === undefined || query.category.includes(sentryCategory(r.category)))
          .filter((r) => query.outcome === undefined || query.outcome.includes(r.outcome));
        return {
          start: new Date(buckets.start).toISOString(),
          end: bucketEnd(buckets).toISOString(),
          intervals: Array.from({ length: buckets.count }, (_, i) =>
            new Date(buckets.start + i * buckets.intervalMs).toISOString(),
          ),
          groups: statsV2Groups(rows, query.groupBy ?? [], query.field, buckets),
        };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/0/organizations/:org/stats/summary/',
      summary:
        'Fixloop: unresolved issues seen in the period (total, blocking, errors, warnings) and the error trend',
      tags: ['stats'],
      scope: 'event:read',
      params: z.object({ org: z.string() }),
      query: z.object({ statsPeriod: z.string().max(10).default('24h'), project: stringList }),
      handler: async ({ principal, params, query }) => {
        const scope = await organizationIssueScope(
          services,
          principal,
          params.org,
          query.project,
          'event:read',
        );
        const periodMs = parsePeriodMs(query.statsPeriod);
        if (periodMs === null || periodMs <= 0)
          throw badParam('statsPeriod', 'statsPeriod must look like 24h or 14d');
        return summary(services, scope.projects, periodMs);
      },
    }),
  ];
}

async function summary(services: ApiServices, projects: Project[], periodMs: number) {
  const now = services.clock.now();
  const since = now.getTime() - periodMs;
  const base: IssueSearchFilter[] = [
    { kind: 'is', values: ['unresolved'], negated: false, reviewSince: 0 },
    { kind: 'compare', column: 'lastSeen', comparison: '>=', value: since, negated: false },
  ];
  const exact = (value: string) => ({ kind: 'exact' as const, value });
  const count = async (extra: IssueSearchFilter[]) =>
    (
      await services.storage.issues.searchIssues({
        projectIds: projects.map((p) => p.id),
        filters: [...base, ...extra],
        sort: 'date',
        limit: 1,
        offset: 0,
        now,
      })
    ).total;
  const step = periodMs <= 2 * DAY_MS ? HOUR_MS : DAY_MS;
  const buckets = trailingBuckets(now, step, Math.max(1, Math.ceil(periodMs / step)));
  const rows = await services.storage.events.listOutcomes({
    projectIds: projects.map((p) => p.id),
    start: new Date(buckets.start),
    end: bucketEnd(buckets),
  });
  const accepted = rows.filter((r) => r.outcome === 'accepted' && ERROR_CATEGORIES.includes(r.category));
  return {
    total: await count([]),
    blocking: await count([
      { kind: 'column', column: 'severity', patterns: [exact('blocking')], negated: false },
    ]),
    errors: await count([
      { kind: 'column', column: 'level', patterns: [exact('error'), exact('fatal')], negated: false },
    ]),
    warnings: await count([
      { kind: 'column', column: 'level', patterns: [exact('warning')], negated: false },
    ]),
    trend: toPairs(
      buckets,
      sumIntoBuckets(accepted, buckets, (r) => r.quantity),
    ),
  };
}
