import { z } from 'zod';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import { accessIssue } from './issue-access.ts';
import { issuePathParams, issuePaths } from './issue-paths.ts';
import { stringList } from './issue-list-query.ts';
import { issueViews } from './issue-views.ts';
import { unmergeIssue } from './unmerge-issue.ts';

const hash = z.string().regex(/^[0-9a-zA-Z_:.-]{1,128}$/, 'must be a grouping hash');

/** The grouping hashes of an issue, and unmerging some of them into a new issue. */
export function issueHashRoutes(services: ApiServices): AnyRouteSpec[] {
  return [
    ...issuePaths('hashes/').map((path) =>
      defineRoute({
        method: 'GET',
        path,
        summary: 'The grouping hashes (fingerprints) that make up an issue',
        tags: ['issues'],
        scope: 'event:read',
        params: issuePathParams,
        handler: async ({ principal, params }) => {
          const { issue } = await accessIssue(services, principal, params.issueId, 'event:read', params.org);
          const hashes = await services.storage.issues.listHashes(issue.id);
          return hashes.map((id) => ({ id, latestEvent: null, mergedBySeer: false }));
        },
      }),
    ),
    ...issuePaths('hashes/').map((path) =>
      defineRoute({
        method: 'DELETE',
        path,
        summary: 'Unmerge the given hashes (?id=…) into a new issue (Sentry’s unmerge)',
        tags: ['issues'],
        scope: 'event:write',
        status: 202,
        params: issuePathParams,
        query: z.object({ id: stringList.pipe(z.array(hash).min(1).optional()) }),
        handler: async ({ principal, params, query, reply }) => {
          const access = await accessIssue(services, principal, params.issueId, 'event:write', params.org);
          await unmergeIssue(services, principal, access, query.id ?? []);
          return reply.code(202).send();
        },
      }),
    ),
    defineRoute({
      method: 'POST',
      path: '/api/0/issues/:issueId/unmerge/',
      summary: 'Fixloop: unmerge hashes into a new issue and return it',
      tags: ['issues'],
      scope: 'event:write',
      params: issuePathParams,
      body: z.object({ hashes: z.array(hash).min(1).max(100) }),
      handler: async ({ principal, params, body }) => {
        const access = await accessIssue(services, principal, params.issueId, 'event:write', params.org);
        const created = await unmergeIssue(services, principal, access, body.hashes);
        const [json] = await issueViews(services, principal, access.organization, [created], []);
        return { issue: json };
      },
    }),
  ];
}
