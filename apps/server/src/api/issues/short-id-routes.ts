import { z } from 'zod';
import { AppError } from '@fixloop/core';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import { organizationIssueScope } from './issue-scope.ts';
import { issueViews } from './issue-views.ts';
import { shortIdLookup } from './run-issue-search.ts';

/** Sentry's short-id resolver: `WEB-12` to the issue, as scripts and `sentry-cli` look issues up. */
export function shortIdRoutes(services: ApiServices): AnyRouteSpec[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/0/organizations/:org/shortids/:shortId/',
      summary: 'Resolve a short id (e.g. WEB-12) to its issue; ids of merged issues follow the merge',
      tags: ['issues'],
      scope: 'event:read',
      params: z.object({ org: z.string(), shortId: z.string().max(120) }),
      handler: async ({ principal, params }) => {
        const scope = await organizationIssueScope(services, principal, params.org, undefined, 'event:read');
        const issue = await shortIdLookup(services, scope.projects, params.shortId);
        if (issue === null) throw new AppError('not_found', 'The requested short id does not exist.');
        const [group] = await issueViews(services, principal, scope.organization, [issue], []);
        if (group === undefined) throw new AppError('not_found', 'The requested short id does not exist.');
        return {
          organizationSlug: scope.organization.slug,
          projectSlug: group.project.slug,
          groupId: group.id,
          shortId: group.shortId,
          group,
        };
      },
    }),
  ];
}
