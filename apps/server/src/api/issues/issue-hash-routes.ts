import { z } from 'zod';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import { accessIssue } from './issue-access.ts';
import { stringList } from './issue-list-query.ts';
import { issueViews } from './issue-views.ts';
import { unmergeIssue } from './unmerge-issue.ts';

const issueParams = z.object({ issueId: z.string() });
const hash = z.string().regex(/^[0-9a-zA-Z_:.-]{1,128}$/, 'must be a grouping hash');

/** The grouping hashes of an issue, and unmerging some of them into a new issue. */
export function issueHashRoutes(services: ApiServices): AnyRouteSpec[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/0/issues/:issueId/hashes/',
      summary: 'The grouping hashes (fingerprints) that make up an issue',
      tags: ['issues'],
      scope: 'event:read',
      params: issueParams,
      handler: async ({ principal, params }) => {
        const { issue } = await accessIssue(services, principal, params.issueId, 'event:read');
        const hashes = await services.storage.issues.listHashes(issue.id);
        return hashes.map((id) => ({ id, latestEvent: null, mergedBySeer: false }));
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/0/issues/:issueId/hashes/',
      summary: 'Unmerge the given hashes (?id=…) into a new issue (Sentry’s unmerge)',
      tags: ['issues'],
      scope: 'event:write',
      status: 202,
      params: issueParams,
      query: z.object({ id: stringList.pipe(z.array(hash).min(1).optional()) }),
      handler: async ({ principal, params, query, reply }) => {
        const access = await accessIssue(services, principal, params.issueId, 'event:write');
        await unmergeIssue(services, principal, access, query.id ?? []);
        return reply.code(202).send();
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/0/issues/:issueId/unmerge/',
      summary: 'Fixloop: unmerge hashes into a new issue and return it',
      tags: ['issues'],
      scope: 'event:write',
      params: issueParams,
      body: z.object({ hashes: z.array(hash).min(1).max(100) }),
      handler: async ({ principal, params, body }) => {
        const access = await accessIssue(services, principal, params.issueId, 'event:write');
        const created = await unmergeIssue(services, principal, access, body.hashes);
        const [json] = await issueViews(services, principal, access.organization, [created], []);
        return { issue: json };
      },
    }),
  ];
}
