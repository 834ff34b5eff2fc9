import { z } from 'zod';
import { AppError } from '@fixloop/core';
import type { IssueActivityEntry } from '@fixloop/core';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import { cursorOffset, cursorQuery, linkHeader } from '../cursor-pagination.ts';
import { isSuperPrincipal } from '../principal.ts';
import type { Principal } from '../principal.ts';
import { accessIssue } from './issue-access.ts';
import { issuePathParams, issuePaths } from './issue-paths.ts';
import type { ResolvedIssueAccess } from './issue-access.ts';
import { firstSeenActivity, serializeActivities } from './serialize-activity.ts';

const commentParams = issuePathParams.extend({ commentId: z.string() });
const commentText = z.string().trim().min(1, 'must not be empty').max(10_000);
const mentions = z.array(z.string().max(100)).max(50).optional();
/** Sentry's clients send `{text}`; GlitchTip's nest the comment as `{data: {text}}`. Both are accepted. */
const commentBody = z
  .object({
    text: commentText.optional(),
    mentions,
    data: z.object({ text: commentText, mentions }).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.text === undefined && body.data === undefined) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'text is required' });
    }
  })
  .transform((body) => ({
    text: body.text ?? body.data?.text ?? '',
    mentions: body.mentions ?? body.data?.mentions,
  }));

/** Comments (Sentry's group notes, `note` activities) and the issue's activity log. */
export function commentRoutes(services: ApiServices): AnyRouteSpec[] {
  return [
    ...issuePaths('comments/').map((path) =>
      defineRoute({
        method: 'GET',
        path,
        summary: 'Comments on an issue, newest first',
        tags: ['issues'],
        scope: 'event:read',
        params: issuePathParams,
        query: z.object(cursorQuery),
        handler: async ({ principal, params, query, request, reply }) => {
          const { issue } = await accessIssue(services, principal, params.issueId, 'event:read', params.org);
          const offset = cursorOffset(query.cursor);
          const notes = await services.storage.issueWorkflow.listActivities(issue.id, {
            type: 'note',
            limit: query.limit + 1,
            offset,
          });
          const hasMore = notes.length > query.limit;
          void reply.header(
            'Link',
            linkHeader(new URL(request.url, services.baseUrl()), { offset, limit: query.limit, hasMore }),
          );
          return serializeActivities(services.storage, notes.slice(0, query.limit));
        },
      }),
    ),
    ...issuePaths('comments/').map((path) =>
      defineRoute({
        method: 'POST',
        path,
        summary: 'Comment on an issue',
        tags: ['issues'],
        scope: 'event:write',
        status: 201,
        params: issuePathParams,
        body: commentBody,
        handler: async ({ principal, params, body }) => {
          const access = await accessIssue(services, principal, params.issueId, 'event:write', params.org);
          const note = await services.storage.issueWorkflow.addActivity({
            issueId: access.issue.id,
            projectId: access.issue.projectId,
            type: 'note',
            userId: principal.user?.id ?? null,
            data: { text: body.text, mentions: body.mentions ?? [] },
            createdAt: services.clock.now(),
          });
          await audit(services, principal, access, 'issue.comment.create', note, null, note.data);
          return (await serializeActivities(services.storage, [note]))[0];
        },
      }),
    ),
    ...issuePaths('comments/:commentId/').map((path) =>
      defineRoute({
        method: 'PUT',
        path,
        summary: 'Edit a comment (its author, or an admin)',
        tags: ['issues'],
        scope: 'event:write',
        params: commentParams,
        body: commentBody,
        handler: async ({ principal, params, body }) => {
          const { access, note } = await ownComment(services, principal, params);
          const data = {
            ...note.data,
            text: body.text,
            ...(body.mentions === undefined ? {} : { mentions: body.mentions }),
          };
          const updated = await services.storage.issueWorkflow.updateActivityData(note.id, data);
          await audit(services, principal, access, 'issue.comment.update', note, note.data, data);
          return (await serializeActivities(services.storage, updated === null ? [] : [updated]))[0];
        },
      }),
    ),
    ...issuePaths('comments/:commentId/').map((path) =>
      defineRoute({
        method: 'DELETE',
        path,
        summary: 'Delete a comment (its author, or an admin)',
        tags: ['issues'],
        scope: 'event:write',
        params: commentParams,
        handler: async ({ principal, params }) => {
          const { access, note } = await ownComment(services, principal, params);
          await services.storage.issueWorkflow.deleteActivity(note.id);
          await audit(services, principal, access, 'issue.comment.delete', note, note.data, null);
          return undefined;
        },
      }),
    ),
    ...issuePaths('activities/').map((path) =>
      defineRoute({
        method: 'GET',
        path,
        summary:
          'Fixloop: the issue’s activity (status changes, assignments, merges, comments, regressions), newest first',
        tags: ['issues'],
        scope: 'event:read',
        params: issuePathParams,
        query: z.object(cursorQuery),
        handler: async ({ principal, params, query, request, reply }) => {
          const { issue } = await accessIssue(services, principal, params.issueId, 'event:read', params.org);
          const offset = cursorOffset(query.cursor);
          const rows = await services.storage.issueWorkflow.listActivities(issue.id, {
            limit: query.limit + 1,
            offset,
          });
          const hasMore = rows.length > query.limit;
          const page = await serializeActivities(services.storage, rows.slice(0, query.limit));
          // The derived "first seen" entry is the oldest one: it ends the last page.
          if (!hasMore) page.push(firstSeenActivity(issue));
          void reply.header(
            'Link',
            linkHeader(new URL(request.url, services.baseUrl()), { offset, limit: query.limit, hasMore }),
          );
          return page;
        },
      }),
    ),
  ];
}

/** A comment of the issue that the caller wrote, or any comment for an admin; others are 403/404. */
async function ownComment(
  services: ApiServices,
  principal: Principal,
  params: { issueId: string; commentId: string; org?: string | undefined },
): Promise<{ access: ResolvedIssueAccess; note: IssueActivityEntry }> {
  const access = await accessIssue(services, principal, params.issueId, 'event:write', params.org);
  const note = /^\d{1,15}$/.test(params.commentId)
    ? await services.storage.issueWorkflow.getActivity(Number(params.commentId))
    : null;
  if (note === null || note.issueId !== access.issue.id || note.type !== 'note') {
    throw new AppError('not_found', 'The requested comment does not exist.');
  }
  const isAuthor = note.userId !== null && note.userId === principal.user?.id;
  const isAdmin = access.role === 'owner' || access.role === 'admin' || isSuperPrincipal(principal);
  if (!isAuthor && !isAdmin)
    throw new AppError('forbidden', 'Only the author or an admin can change a comment.');
  return { access, note };
}

function audit(
  services: ApiServices,
  principal: Principal,
  access: ResolvedIssueAccess,
  action: string,
  note: IssueActivityEntry,
  before: unknown,
  after: unknown,
): Promise<void> {
  return services.audit.record(principal, {
    organizationId: access.organization.id,
    action,
    target: `issue:${access.issue.id}:comment:${note.id}`,
    before,
    after,
  });
}
