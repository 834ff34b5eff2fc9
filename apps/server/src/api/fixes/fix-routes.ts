import {
  AppError,
  autofixAvailability,
  checkApproval,
  checkRollback,
  FIX_ATTEMPT_STATES,
} from '@fixloop/core';
import type { FixAttemptState, StoredFixAttempt } from '@fixloop/core';
import { z } from 'zod';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import type { IssueAccess } from '../api-access.ts';
import { cursorOffset, cursorQuery, linkHeader } from '../cursor-pagination.ts';
import type { Principal } from '../principal.ts';
import { assertCanActOnFixes, fixActorFor } from './fix-principal.ts';
import { serializeFix } from './serialize-fix.ts';

const tags = ['fixes'];
const fixParams = z.object({ fixId: z.coerce.number().int().positive() });
const listOf = z.union([z.string(), z.array(z.string())]).optional();
const states = z.enum(FIX_ATTEMPT_STATES);

/** The fix attempts API: lists, detail with diff, test, verification log and audit trail, and actions. */
export function fixRoutes(services: ApiServices): AnyRouteSpec[] {
  const { storage } = services;
  const load = async (
    principal: Principal,
    fixId: number,
  ): Promise<{ attempt: StoredFixAttempt; access: IssueAccess }> => {
    // prettier-ignore
    const attempt = await storage.fixes.getAttempt(fixId);
    if (attempt === null) throw new AppError('not_found', 'The requested fix does not exist.');
    const access = await services.access
      .issue(principal, attempt.issueId, 'event:read')
      .catch((error: unknown) => {
        throw error instanceof AppError && error.code === 'forbidden' ? error : new AppError('not_found', 'The requested fix does not exist.'); // prettier-ignore
      });
    return { attempt, access };
  };
  const full = async (attempt: StoredFixAttempt, access: Pick<IssueAccess, 'issue' | 'project'>) =>
    serializeFix(attempt, { issue: access.issue, project: access.project, events: await storage.fixes.listEvents(attempt.id) }); // prettier-ignore
  const act = async (principal: Principal, fixId: number) => {
    const loaded = await load(principal, fixId);
    assertCanActOnFixes(principal, loaded.access.organization.id);
    return { ...loaded, actor: fixActorFor(principal, loaded.access.role) };
  };
  const audit = async (
    principal: Principal,
    access: IssueAccess,
    action: string,
    before: StoredFixAttempt,
    after: StoredFixAttempt,
    extra: Record<string, unknown> = {},
  ) => {
    // prettier-ignore
    await services.audit.record(principal, { organizationId: access.organization.id, action, target: `fix:${before.id}`, before: { status: before.state }, after: { status: after.state, commitSha: after.commitSha, ...extra } }); // prettier-ignore
  };
  return [
    defineRoute({
      method: 'GET',
      path: '/api/0/organizations/:org/fixes/',
      summary: "The organization's fix attempts, newest first (filter by status and project)",
      tags,
      scope: 'event:read',
      params: z.object({ org: z.string() }),
      query: z.object({ ...cursorQuery, status: listOf, project: listOf }),
      handler: async ({ params, query, principal, request, reply }) => {
        const { organization } = await services.access.organization(principal, params.org, 'event:read');
        const projects = await storage.projects.listProjects(organization.id);
        const wanted = normalize(query.project);
        const chosen = projects.filter((p) => wanted.length === 0 || wanted.includes(String(p.id)) || wanted.includes(p.slug)); // prettier-ignore
        const statuses = normalize(query.status).flatMap((s) => s.split(','));
        const invalid = statuses.find((s) => !states.safeParse(s).success);
        if (invalid !== undefined) {
          const message = `unknown status "${invalid}" (one of ${FIX_ATTEMPT_STATES.join(', ')})`;
          throw new AppError('bad_request', `Invalid query field "status": ${message}`, { fields: { status: [message] } }); // prettier-ignore
        }
        const offset = cursorOffset(query.cursor);
        const rows = await storage.fixes.listAttempts({ projectIds: chosen.map((p) => p.id), states: statuses as FixAttemptState[], limit: query.limit + 1, offset }); // prettier-ignore
        reply.header('link', linkHeader(requestUrl(request), { offset, limit: query.limit, hasMore: rows.length > query.limit })); // prettier-ignore
        const byId = new Map(projects.map((p) => [p.id, p]));
        const out = [];
        for (const attempt of rows.slice(0, query.limit)) {
          const issue = await storage.issues.getIssue(attempt.issueId);
          out.push(
            serializeFix(attempt, { issue, project: byId.get(attempt.projectId) ?? null, events: [] }),
          );
        }
        return out;
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/0/issues/:issueId/fixes/',
      summary: "An issue's fix attempts, newest first",
      tags,
      scope: 'event:read',
      params: z.object({ issueId: z.coerce.number().int().positive() }),
      query: z.object(cursorQuery),
      handler: async ({ params, query, principal, request, reply }) => {
        const access = await services.access.issue(principal, params.issueId, 'event:read');
        const offset = cursorOffset(query.cursor);
        const rows = await storage.fixes.listAttempts({ projectIds: [access.project.id], issueId: access.issue.id, limit: query.limit + 1, offset }); // prettier-ignore
        reply.header('link', linkHeader(requestUrl(request), { offset, limit: query.limit, hasMore: rows.length > query.limit })); // prettier-ignore
        return Promise.all(rows.slice(0, query.limit).map((attempt) => full(attempt, access)));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/0/fixes/:fixId/',
      summary: 'One fix: explanation, unified diff, generated test, verification log, commit, audit trail',
      tags,
      scope: 'event:read',
      params: fixParams,
      handler: async ({ params, principal }) => {
        const { attempt, access } = await load(principal, params.fixId);
        return full(attempt, access);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/0/fixes/:fixId/approve/',
      summary:
        'Approve a verified fix awaiting approval: commits it (category B and C need an admin or owner)',
      tags,
      scope: 'project:write',
      params: fixParams,
      body: z.object({}).loose().default({}),
      handler: async ({ params, principal }) => {
        const { attempt, access, actor } = await act(principal, params.fixId);
        const check = checkApproval(attempt, access.role);
        if (!check.allowed) throw new AppError(check.code, check.reason);
        if (actor.kind !== 'user')
          throw new AppError('forbidden', 'only a person can approve a fix: use a user token');
        const approved = await services.autofix.actions.approve(attempt, access.project, actor);
        await audit(principal, access, 'fix.approve', attempt, approved);
        return full(approved, access);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/0/fixes/:fixId/reject/',
      summary: 'Reject a fix awaiting approval or review, with a reason',
      tags,
      scope: 'project:write',
      params: fixParams,
      body: z.object({ reason: z.string().trim().min(1, 'a rejection needs a reason').max(2000) }),
      handler: async ({ params, body, principal }) => {
        const { attempt, access, actor } = await act(principal, params.fixId);
        const rejected = await services.autofix.actions.reject(attempt, actor, body.reason);
        await audit(principal, access, 'fix.reject', attempt, rejected, { reason: body.reason });
        return full(rejected, access);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/0/fixes/:fixId/rollback/',
      summary: 'Revert a committed fix on the fix branch (within 24 hours of its commit)',
      tags,
      scope: 'project:write',
      params: fixParams,
      body: z.object({ reason: z.string().trim().max(2000).optional() }).default({}),
      handler: async ({ params, body, principal }) => {
        const { attempt, access, actor } = await act(principal, params.fixId);
        const check = checkRollback(attempt, services.clock.now());
        if (!check.allowed) throw new AppError('conflict', check.reason);
        const rolled = await services.autofix.actions.rollback(attempt, access.project, actor, body.reason);
        await audit(principal, access, 'fix.rollback', attempt, rolled, { rollbackSha: rolled.rollbackSha });
        return full(rolled, access);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/0/fixes/:fixId/retry/',
      summary: 'Run a failed, rejected, rolled back or reviewed fix attempt again against the current code',
      tags,
      scope: 'project:write',
      params: fixParams,
      status: 202,
      handler: async ({ params, principal }) => {
        const { attempt, access, actor } = await act(principal, params.fixId);
        // A retry is a new run: like a new attempt, it does not start while a kill switch is off.
        const availability = autofixAvailability(access.project, await services.autofix.factory.switches.read(access.project.id)); // prettier-ignore
        if (!availability.available)
          throw new AppError('conflict', `autofix cannot start: ${availability.reason}`);
        const retried = await services.autofix.actions.retry(attempt, actor);
        await audit(principal, access, 'fix.retry', attempt, retried);
        return full(retried, access);
      },
    }),
  ];
}

function normalize(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((v) => v !== '');
}

function requestUrl(request: { protocol: string; host: string; url: string }): URL {
  return new URL(request.url, `${request.protocol}://${request.host}`);
}
