import { z } from 'zod';
import { AppError } from '@fixloop/core';
import type { TagKeySummary, TagValueCount } from '@fixloop/core';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import { cursorOffset, cursorQuery, linkHeader } from '../cursor-pagination.ts';
import { accessIssue } from './issue-access.ts';
import { issuePathParams, issuePaths } from './issue-paths.ts';
import { stringList } from './issue-list-query.ts';
import { issueTagSource } from './issue-tag-source.ts';
import type { IssueTagSource } from './issue-tag-source.ts';

const TOP_VALUES = 9;

export interface TagValueJson {
  key: string;
  name: string;
  value: string;
  count: number;
  firstSeen: string;
  lastSeen: string;
}

export interface TagKeyJson {
  key: string;
  name: string;
  /** Events carrying the key (Sentry's meaning of totalValues). */
  totalValues: number;
  /** Distinct values. */
  uniqueValues: number;
  topValues: TagValueJson[];
}

function valueJson(v: TagValueCount): TagValueJson {
  return {
    key: v.key,
    name: v.value,
    value: v.value,
    count: v.timesSeen,
    firstSeen: v.firstSeen.toISOString(),
    lastSeen: v.lastSeen.toISOString(),
  };
}

async function keyJson(source: IssueTagSource, summary: TagKeySummary): Promise<TagKeyJson> {
  const top = await source.values(summary.key, { limit: TOP_VALUES, offset: 0 });
  return {
    key: summary.key,
    name: summary.key,
    totalValues: summary.count,
    uniqueValues: summary.totalValues,
    topValues: top.map(valueJson),
  };
}

/**
 * Sentry's tag breakdowns of an issue: keys with their top values, one key, and a key's values.
 * `environment` (repeatable) counts only the events of those environments, as in Sentry.
 */
export function issueTagRoutes(services: ApiServices): AnyRouteSpec[] {
  const keyParams = issuePathParams.extend({ key: z.string().min(1).max(200) });
  const source = (issueId: number, environment: string[] | undefined) =>
    issueTagSource(services.storage, issueId, environment ?? []);
  return [
    ...issuePaths('tags/').map((path) =>
      defineRoute({
        method: 'GET',
        path,
        summary: 'Tag keys of an issue with their most common values',
        tags: ['issues'],
        scope: 'event:read',
        params: issuePathParams,
        query: z.object({ key: stringList, environment: stringList }),
        handler: async ({ principal, params, query }) => {
          const { issue } = await accessIssue(services, principal, params.issueId, 'event:read', params.org);
          const tags = source(issue.id, query.environment);
          const keys = await tags.keys();
          const wanted = query.key === undefined ? keys : keys.filter((k) => query.key?.includes(k.key));
          return Promise.all(wanted.map((k) => keyJson(tags, k)));
        },
      }),
    ),
    ...issuePaths('tags/:key/').map((path) =>
      defineRoute({
        method: 'GET',
        path,
        summary: 'One tag key of an issue with its most common values',
        tags: ['issues'],
        scope: 'event:read',
        params: keyParams,
        query: z.object({ environment: stringList }),
        handler: async ({ principal, params, query }) => {
          const { issue } = await accessIssue(services, principal, params.issueId, 'event:read', params.org);
          const tags = source(issue.id, query.environment);
          const [summary] = await tags.keys(params.key);
          if (summary === undefined) throw new AppError('not_found', 'The requested tag does not exist.');
          return keyJson(tags, summary);
        },
      }),
    ),
    ...issuePaths('tags/:key/values/').map((path) =>
      defineRoute({
        method: 'GET',
        path,
        summary: 'Values of one tag key of an issue, most seen first',
        tags: ['issues'],
        scope: 'event:read',
        params: keyParams,
        query: z.object({ ...cursorQuery, environment: stringList }),
        handler: async ({ principal, params, query, request, reply }) => {
          const { issue } = await accessIssue(services, principal, params.issueId, 'event:read', params.org);
          const tags = source(issue.id, query.environment);
          const offset = cursorOffset(query.cursor);
          const values = await tags.values(params.key, { limit: query.limit + 1, offset });
          if (values.length === 0 && offset === 0 && (await tags.keys(params.key)).length === 0) {
            throw new AppError('not_found', 'The requested tag does not exist.');
          }
          const hasMore = values.length > query.limit;
          void reply.header(
            'Link',
            linkHeader(new URL(request.url, services.baseUrl()), { offset, limit: query.limit, hasMore }),
          );
          return values.slice(0, query.limit).map(valueJson);
        },
      }),
    ),
  ];
}
