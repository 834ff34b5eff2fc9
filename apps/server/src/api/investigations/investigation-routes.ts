import { AppError } from '@fixloop/core';
import { z } from 'zod';
import { INVESTIGATION_RUN_JOB } from '../../investigations/investigation-jobs.ts';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import { cursorOffset, cursorQuery, linkHeader } from '../cursor-pagination.ts';
import { serializeInvestigation } from './serialize-investigation.ts';

const issueParams = z.object({ issueId: z.coerce.number().int().positive() });
const tags = ['investigations'];

export function investigationRoutes(services: ApiServices): AnyRouteSpec[] {
  const { access, storage } = services;
  return [
    defineRoute({
      method: 'POST',
      path: '/api/0/issues/:issueId/investigate/',
      summary: 'Investigate an issue now (a job), or preview the report with dryRun',
      tags,
      scope: 'event:write',
      params: issueParams,
      body: z
        .object({ dryRun: z.boolean().default(false), force: z.boolean().default(false) })
        .default({ dryRun: false, force: false }),
      status: 202,
      handler: async ({ params, body, principal, reply }) => {
        const { issue, organization } = await access.issue(principal, params.issueId, 'event:write');
        if (body.dryRun) {
          reply.code(200);
          return { dryRun: true, ...(await services.investigations.preview(issue.id)) };
        }
        const investigation = await storage.investigations.create({
          issueId: issue.id,
          projectId: issue.projectId,
          trigger: 'manual',
          createdAt: services.clock.now(),
        });
        await storage.jobs.enqueue({
          kind: INVESTIGATION_RUN_JOB,
          payload: { investigationId: investigation.id, force: body.force },
          concurrencyKey: `repository:${issue.projectId}`,
        });
        services.wakeWorker();
        await services.audit.record(principal, {
          organizationId: organization.id,
          action: 'investigation.request',
          target: `issue:${issue.id}`,
          after: { investigationId: investigation.id, force: body.force },
        });
        return serializeInvestigation(investigation);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/0/issues/:issueId/investigations/',
      summary: "An issue's investigations, newest first",
      tags,
      scope: 'event:read',
      params: issueParams,
      query: z.object(cursorQuery),
      handler: async ({ params, query, principal, request, reply }) => {
        const { issue } = await access.issue(principal, params.issueId, 'event:read');
        const offset = cursorOffset(query.cursor);
        const rows = await storage.investigations.listForIssue(issue.id, { limit: query.limit + 1, offset });
        reply.header(
          'link',
          linkHeader(requestUrl(request), { offset, limit: query.limit, hasMore: rows.length > query.limit }),
        );
        return rows.slice(0, query.limit).map(serializeInvestigation);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/0/investigations/:investigationId/',
      summary: 'One investigation with its full report',
      tags,
      scope: 'event:read',
      params: z.object({ investigationId: z.coerce.number().int().positive() }),
      handler: async ({ params, principal }) => {
        const investigation = await storage.investigations.get(params.investigationId);
        if (investigation === null)
          throw new AppError('not_found', 'The requested investigation does not exist.');
        await access.issue(principal, investigation.issueId, 'event:read');
        return serializeInvestigation(investigation);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/0/organizations/:org/investigations/',
      summary: "The organization's investigations, newest first",
      tags,
      scope: 'event:read',
      params: z.object({ org: z.string() }),
      query: z.object({ ...cursorQuery, project: z.coerce.number().int().positive().optional() }),
      handler: async ({ params, query, principal, request, reply }) => {
        const { organization } = await access.organization(principal, params.org, 'event:read');
        const projects = await storage.projects.listProjects(organization.id);
        const ids = projects
          .map((p) => p.id)
          .filter((id) => query.project === undefined || id === query.project);
        const offset = cursorOffset(query.cursor);
        const rows = await storage.investigations.listForProjects(ids, { limit: query.limit + 1, offset });
        reply.header(
          'link',
          linkHeader(requestUrl(request), { offset, limit: query.limit, hasMore: rows.length > query.limit }),
        );
        return rows.slice(0, query.limit).map(serializeInvestigation);
      },
    }),
  ];
}

function requestUrl(request: { protocol: string; host: string; url: string }): URL {
  return new URL(request.url, `${request.protocol}://${request.host}`);
}
