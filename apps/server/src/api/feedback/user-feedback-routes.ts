import { z } from 'zod';
import { AppError, formatShortId } from '@fixloop/core';
import type { Issue, Project, StoredUserReport } from '@fixloop/core';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import { cursorOffset, cursorQuery, linkHeader } from '../cursor-pagination.ts';
import { normalizeEventId } from '../events/event-routes.ts';

/** Like Sentry: a report may be corrected for five minutes, then it is final (409). */
const EDIT_WINDOW_MS = 5 * 60_000;

const params = z.object({ org: z.string(), project: z.string() });
const feedbackBody = z.object({
  event_id: z.string().transform((v, ctx) => {
    const id = normalizeEventId(v);
    if (id === null) ctx.addIssue({ code: 'custom', message: 'must be a 32 character hex event id' });
    return id ?? '';
  }),
  name: z.string().trim().min(1).max(128),
  email: z.email().max(75),
  comments: z.string().trim().min(1).max(4096),
});

export interface UserReportJson {
  id: string;
  eventID: string | null;
  name: string;
  email: string;
  comments: string;
  dateCreated: string;
  user: null;
  event: { id: string; eventID: string } | null;
  issue: { id: string; shortId: string; title: string } | null;
  /** Fixloop: how it arrived (`api`, `user_report` item, `feedback` item). */
  source: StoredUserReport['source'];
}

function serializeReport(
  report: StoredUserReport,
  project: Project,
  issue: Issue | undefined,
): UserReportJson {
  return {
    id: String(report.id),
    eventID: report.eventId,
    name: report.name,
    email: report.email,
    comments: report.comments,
    dateCreated: report.createdAt.toISOString(),
    user: null,
    event: report.eventId === null ? null : { id: report.eventId, eventID: report.eventId },
    issue:
      issue === undefined
        ? null
        : { id: String(issue.id), shortId: formatShortId(project.slug, issue.shortId), title: issue.title },
    source: report.source,
  };
}

/**
 * Each report's issue, by report id. A report stores its issue when its event was already stored;
 * SDKs may send the report first, so for the others the event is looked up now.
 */
async function issuesOf(services: ApiServices, reports: StoredUserReport[]): Promise<Map<number, Issue>> {
  const { storage } = services;
  const issueIds = new Map<number, number>();
  for (const report of reports) {
    if (report.issueId !== null) issueIds.set(report.id, report.issueId);
    else if (report.eventId !== null) {
      const event = await storage.events.getEvent(report.projectId, report.eventId);
      if (event !== null) issueIds.set(report.id, event.issueId);
    }
  }
  const issues = new Map<number, Issue | null>();
  for (const id of new Set(issueIds.values())) issues.set(id, await storage.issues.getIssue(id));
  const out = new Map<number, Issue>();
  for (const [reportId, issueId] of issueIds) {
    const issue = issues.get(issueId);
    if (issue !== null && issue !== undefined) out.set(reportId, issue);
  }
  return out;
}

/**
 * Sentry's legacy user feedback: POST a report about an event (linked to its issue), GET the
 * project's reports — including those SDKs sent as `user_report` or `feedback` envelope items.
 */
export function userFeedbackRoutes(services: ApiServices): AnyRouteSpec[] {
  const path = '/api/0/projects/:org/:project/user-feedback/';
  return [
    defineRoute({
      method: 'GET',
      path,
      summary: 'User feedback of a project, newest first',
      tags: ['user-feedback'],
      scope: 'event:read',
      params,
      query: z.object(cursorQuery),
      handler: async ({ principal, params: p, query, request, reply }) => {
        const { project } = await services.access.project(principal, p.org, p.project, 'event:read');
        const offset = cursorOffset(query.cursor);
        const reports = await services.storage.events.listUserReports(project.id, {
          limit: query.limit + 1,
          offset,
        });
        const page = reports.slice(0, query.limit);
        void reply.header(
          'Link',
          linkHeader(new URL(request.url, services.baseUrl()), {
            offset,
            limit: query.limit,
            hasMore: reports.length > query.limit,
          }),
        );
        const issues = await issuesOf(services, page);
        return page.map((r) => serializeReport(r, project, issues.get(r.id)));
      },
    }),
    defineRoute({
      method: 'POST',
      path,
      summary:
        'Submit user feedback about an event (a second report within 5 minutes replaces the first; later: 409)',
      tags: ['user-feedback'],
      scope: 'event:write',
      params,
      body: feedbackBody,
      handler: async ({ principal, params: p, body }) => {
        const { project, organization } = await services.access.project(
          principal,
          p.org,
          p.project,
          'event:write',
        );
        const now = services.clock.now();
        const fields = { name: body.name, email: body.email, comments: body.comments };
        const existing = await services.storage.events.findUserReport(project.id, body.event_id);
        let report: StoredUserReport | null;
        if (existing !== null) {
          if (now.getTime() - existing.createdAt.getTime() > EDIT_WINDOW_MS) {
            throw new AppError('conflict', 'Feedback for this event cannot be modified.');
          }
          report = await services.storage.events.updateUserReport(existing.id, fields);
        } else {
          report = await services.storage.events.createUserReport({
            projectId: project.id,
            eventId: body.event_id,
            ...fields,
            url: null,
            source: 'api',
            createdAt: now,
          });
        }
        if (report === null) throw new AppError('not_found', 'The report vanished.');
        await services.audit.record(principal, {
          organizationId: organization.id,
          action: existing === null ? 'user_feedback.create' : 'user_feedback.update',
          target: `user_report:${report.id}`,
          before:
            existing === null
              ? null
              : { name: existing.name, email: existing.email, comments: existing.comments },
          after: fields,
        });
        const issues = await issuesOf(services, [report]);
        return serializeReport(report, project, issues.get(report.id));
      },
    }),
  ];
}
