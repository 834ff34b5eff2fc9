import { AppError, chooseMergeTarget, publicStatusDetails } from '@fixloop/core';
import type { Issue, IssueAssignee } from '@fixloop/core';
import type { ApiServices } from '../api-route.ts';
import type { Principal } from '../principal.ts';
import { badParam } from '../stats/stats-period.ts';
import { applyIssueUpdate } from './apply-issue-update.ts';
import type { IssueListQuery } from './issue-list-query.ts';
import type { IssueUpdateBody } from './issue-update-body.ts';
import { resolveAssignee } from './resolve-assignee.ts';
import { assigneeActors } from './issue-views.ts';
import type { ActorJson } from './serialize-issue.ts';
import { searchFilters } from './run-issue-search.ts';
import type { IssueSearchScope } from './run-issue-search.ts';

/** Sentry's cap on issues changed by one query-based bulk request. */
const BULK_LIMIT = 1000;

/** `?id=` issues inside the scope (merged ids follow their redirect), else the issues the query matches. */
export async function bulkTargets(
  services: ApiServices,
  principal: Principal,
  scope: IssueSearchScope,
  query: IssueListQuery,
): Promise<Issue[]> {
  const projectIds = new Set(scope.projects.map((p) => p.id));
  const ids = query.id ?? [];
  if (ids.length === 0) {
    // A window the caller named (statsPeriod, start/end) selects what the list showed; without one,
    // every matching issue is changed, not only those of the list's default 14 days.
    const explicitWindow = query.statsPeriod !== undefined || query.start !== undefined;
    const windowed = scope.windowed && explicitWindow;
    const filters = await searchFilters(services, principal, { ...scope, windowed }, query);
    const { issues } = await services.storage.issues.searchIssues({
      projectIds: [...projectIds],
      filters,
      sort: 'date',
      limit: BULK_LIMIT,
      offset: 0,
      now: services.clock.now(),
    });
    return issues;
  }
  if (ids.some((id) => !/^\d{1,15}$/.test(id))) throw badParam('id', 'ids must be issue ids');
  const found = new Map<number, Issue>();
  for (const raw of ids) {
    let issue = await services.storage.issues.getIssue(Number(raw));
    if (issue === null) {
      const redirect = await services.storage.issueWorkflow.resolveRedirect(Number(raw));
      issue = redirect === null ? null : await services.storage.issues.getIssue(redirect);
    }
    if (issue !== null && projectIds.has(issue.projectId)) found.set(issue.id, issue);
  }
  return [...found.values()];
}

/**
 * Bulk PUT: merges when `merge` is set, else applies the update to every selected issue. Answers
 * Sentry's shapes: `{merge: {parent, children}}`, or the fields that were set; null when nothing
 * was selected (204).
 */
export async function bulkUpdateIssues(
  services: ApiServices,
  principal: Principal,
  scope: IssueSearchScope,
  query: IssueListQuery,
  body: IssueUpdateBody,
): Promise<Record<string, unknown> | null> {
  const issues = await bulkTargets(services, principal, scope, query);
  if (issues.length === 0) return null;
  if (body.merge !== undefined) return mergeSelected(services, principal, scope, issues);
  const assignee =
    body.assignedTo === undefined
      ? undefined
      : await resolveAssignee(services.storage, principal, scope.organization.id, body.assignedTo);
  let last: Issue | undefined;
  for (const issue of issues) {
    last = await applyIssueUpdate(
      services,
      principal,
      { issue, organization: scope.organization },
      {
        body,
        ...(assignee === undefined ? {} : { assignee }),
      },
    );
  }
  const { merge: _merge, ...fields } = body;
  return {
    ...fields,
    // Sentry answers with the assignee as an actor, not with what was sent (`me`, an email, …).
    ...(assignee === undefined
      ? {}
      : { assignedTo: assignee === null ? null : await assigneeActor(services, scope, assignee) }),
    ...(last === undefined || fields.status === undefined
      ? {}
      : {
          status: last.status,
          substatus: last.substatus,
          statusDetails: publicStatusDetails(last.statusDetails),
        }),
  };
}

async function assigneeActor(
  services: ApiServices,
  scope: IssueSearchScope,
  assignee: IssueAssignee,
): Promise<ActorJson | null> {
  const actors = await assigneeActors(services, scope.organization.id, [assignee]);
  return [...actors.values()][0] ?? null;
}

async function mergeSelected(
  services: ApiServices,
  principal: Principal,
  scope: IssueSearchScope,
  issues: Issue[],
): Promise<Record<string, unknown>> {
  const choice = chooseMergeTarget(issues);
  if (!choice.ok) throw new AppError('bad_request', choice.message, { fields: { id: [choice.message] } });
  const { target, sources } = choice;
  const merged = await services.storage.issueWorkflow.mergeIssues(
    target.id,
    sources.map((s) => s.id),
    { userId: principal.user?.id ?? null, at: services.clock.now() },
  );
  await services.audit.record(principal, {
    organizationId: scope.organization.id,
    action: 'issue.merge',
    target: `issue:${merged.id}`,
    before: { issues: issues.map((i) => ({ id: i.id, timesSeen: i.timesSeen })) },
    after: { issue: merged.id, timesSeen: merged.timesSeen },
  });
  return { merge: { parent: String(target.id), children: sources.map((s) => String(s.id)) } };
}

/** Bulk DELETE: removes the selected issues with their events. */
export async function bulkDeleteIssues(
  services: ApiServices,
  principal: Principal,
  scope: IssueSearchScope,
  query: IssueListQuery,
): Promise<void> {
  const issues = await bulkTargets(services, principal, scope, query);
  if (issues.length === 0) return;
  await services.storage.issueWorkflow.deleteIssues(issues.map((i) => i.id));
  for (const issue of issues) {
    await services.audit.record(principal, {
      organizationId: scope.organization.id,
      action: 'issue.delete',
      target: `issue:${issue.id}`,
      before: { title: issue.title, status: issue.status, timesSeen: issue.timesSeen },
    });
  }
}
