import { z } from 'zod';
import type { ApiScope } from '@fixloop/core';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import type { Principal } from '../principal.ts';
import { accessIssue } from './issue-access.ts';
import type { ResolvedIssueAccess } from './issue-access.ts';
import { applyIssueUpdate } from './apply-issue-update.ts';
import { issueUpdateBody } from './issue-update-body.ts';
import { stringList } from './issue-list-query.ts';
import { issueViews } from './issue-views.ts';
import { resolveAssignee } from './resolve-assignee.ts';
import { firstSeenActivity, serializeActivities } from './serialize-activity.ts';

const DETAIL_ACTIVITY_LIMIT = 100;

/**
 * GET/PUT/DELETE one issue, at Sentry's two paths. GET adds `activity` and 24h/30d `stats`, counted
 * like the list over the `environment` (repeatable) events only when given; a merged issue's old id
 * answers with the issue it was merged into (header `X-Fixloop-Merged-Into`).
 */
export function issueDetailRoutes(services: ApiServices): AnyRouteSpec[] {
  const paths = [
    { path: '/api/0/issues/:issueId/', params: z.object({ issueId: z.string() }) },
    {
      path: '/api/0/organizations/:org/issues/:issueId/',
      params: z.object({ org: z.string(), issueId: z.string() }),
    },
  ];
  const find = (principal: Principal, params: { issueId: string; org?: string }, scope: ApiScope) =>
    accessIssue(services, principal, params.issueId, scope, params.org);
  return paths.flatMap(({ path, params }) => [
    defineRoute({
      method: 'GET',
      path,
      summary: 'An issue with its activity and stats',
      tags: ['issues'],
      scope: 'event:read',
      params,
      query: z.object({ environment: stringList }),
      handler: async ({ principal, params: p, query, reply }) => {
        const access = await find(principal, p, 'event:read');
        // The dashboard looking at an issue marks it seen for that user; scripts with tokens do not.
        if (principal.kind === 'session') {
          await services.storage.issueWorkflow.setSeen(
            access.issue.id,
            principal.user.id,
            services.clock.now(),
          );
        }
        markMerged(reply, access);
        return issueDetail(services, principal, access, query.environment ?? []);
      },
    }),
    defineRoute({
      method: 'PUT',
      path,
      summary: 'Update an issue: status, statusDetails, assignee, bookmark, seen, subscription, overrides',
      tags: ['issues'],
      scope: 'event:write',
      params,
      body: issueUpdateBody,
      handler: async ({ principal, params: p, body, reply }) => {
        const access = await find(principal, p, 'event:write');
        const assignee =
          body.assignedTo === undefined
            ? undefined
            : await resolveAssignee(services.storage, principal, access.organization.id, body.assignedTo);
        const issue = await applyIssueUpdate(services, principal, access, {
          body,
          ...(assignee === undefined ? {} : { assignee }),
        });
        markMerged(reply, access);
        const [json] = await issueViews(services, principal, access.organization, [issue], []);
        return json;
      },
    }),
    defineRoute({
      method: 'DELETE',
      path,
      summary: 'Delete an issue with its events',
      tags: ['issues'],
      scope: 'event:admin',
      status: 202,
      params,
      handler: async ({ principal, params: p, reply }) => {
        const { issue, organization } = await find(principal, p, 'event:admin');
        await services.storage.issueWorkflow.deleteIssues([issue.id]);
        await services.audit.record(principal, {
          organizationId: organization.id,
          action: 'issue.delete',
          target: `issue:${issue.id}`,
          before: { title: issue.title, status: issue.status, timesSeen: issue.timesSeen },
        });
        return reply.code(202).send();
      },
    }),
  ]);
}

function markMerged(
  reply: { header(name: string, value: string): unknown },
  access: ResolvedIssueAccess,
): void {
  if (access.mergedFrom !== null) reply.header('X-Fixloop-Merged-Into', String(access.issue.id));
}

async function issueDetail(
  services: ApiServices,
  principal: Principal,
  access: ResolvedIssueAccess,
  environments: string[],
) {
  const { storage } = services;
  const { issue, organization } = access;
  const [json] = await issueViews(services, principal, organization, [issue], ['24h', '30d'], environments);
  const activities = await storage.issueWorkflow.listActivities(issue.id, {
    limit: DETAIL_ACTIVITY_LIMIT,
    offset: 0,
  });
  const activity = [...(await serializeActivities(storage, activities)), firstSeenActivity(issue)];
  return {
    ...json,
    activity,
    seenBy: [],
    participants: [],
    pluginActions: [],
    pluginIssues: [],
    pluginContexts: [],
  };
}
