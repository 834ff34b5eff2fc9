import { AppError, planStatusChange } from '@fixloop/core';
import type {
  Issue,
  IssueActivityType,
  IssueAssignee,
  IssuePatch,
  IssueWorkflowState,
  Organization,
  RequestedStatusDetails,
} from '@fixloop/core';
import type { ApiServices } from '../api-route.ts';
import type { Principal } from '../principal.ts';
import type { IssueUpdateBody } from './issue-update-body.ts';

export interface IssueTarget {
  issue: Issue;
  organization: Organization;
}

/** The body with `assignedTo` already resolved (once for a whole bulk update). */
export interface PreparedIssueUpdate {
  body: IssueUpdateBody;
  assignee?: IssueAssignee | null;
}

/**
 * Applies a PUT to one issue: status (through `planStatusChange`), assignee, public flag, overrides,
 * and the caller's bookmark/seen/subscription. Each change writes an activity; the whole update writes
 * one audit entry with the before and after values. Returns the issue as stored afterwards.
 */
export async function applyIssueUpdate(
  services: ApiServices,
  principal: Principal,
  target: IssueTarget,
  update: PreparedIssueUpdate,
): Promise<Issue> {
  const { storage } = services;
  const { issue } = target;
  const { body } = update;
  const now = services.clock.now();
  const userId = principal.user?.id ?? null;
  const [state] = [...(await storage.issueWorkflow.getStates([issue.id], userId)).values()];
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const activity = (type: IssueActivityType, data: Record<string, unknown>) =>
    storage.issueWorkflow.addActivity({
      issueId: issue.id,
      projectId: issue.projectId,
      type,
      userId,
      data,
      createdAt: now,
    });

  const patch: IssuePatch = {};
  const pending: [IssueActivityType, Record<string, unknown>][] = [];
  if (body.status !== undefined || body.statusDetails !== undefined) {
    const plan = planStatusChange(issue, body.status, toRequested(body.statusDetails), now);
    if (!plan.ok) {
      throw new AppError('bad_request', `Invalid body field "${plan.field}": ${plan.message}`, {
        fields: { [plan.field]: [plan.message] },
      });
    }
    const { activity: planned, ...change } = plan.change;
    Object.assign(patch, change);
    Object.assign(before, { status: issue.status, statusDetails: issue.statusDetails });
    Object.assign(after, { status: change.status, statusDetails: change.statusDetails });
    pending.push([planned.type, planned.data]);
  }
  if (body.severity !== undefined) {
    patch.severityOverride = body.severity;
    Object.assign(before, { severityOverride: issue.severityOverride });
    Object.assign(after, { severityOverride: body.severity });
    pending.push(['set_severity', { severity: body.severity }]);
  }
  if (body.errorClass !== undefined) {
    patch.errorClassOverride = body.errorClass;
    Object.assign(before, { errorClassOverride: issue.errorClassOverride });
    Object.assign(after, { errorClassOverride: body.errorClass });
    pending.push(['set_error_class', { errorClass: body.errorClass }]);
  }
  const updated = Object.keys(patch).length > 0 ? await storage.issues.updateIssue(issue.id, patch) : issue;
  for (const [type, data] of pending) await activity(type, data);
  await applyWorkflowChanges(services, principal, target, update, state, { before, after, activity });
  if (Object.keys(after).length > 0) {
    await services.audit.record(principal, {
      organizationId: target.organization.id,
      action: 'issue.update',
      target: `issue:${issue.id}`,
      before,
      after,
    });
  }
  return updated ?? issue;
}

interface Changes {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  activity: (type: IssueActivityType, data: Record<string, unknown>) => Promise<unknown>;
}

async function applyWorkflowChanges(
  services: ApiServices,
  principal: Principal,
  { issue }: IssueTarget,
  { body, assignee }: PreparedIssueUpdate,
  state: IssueWorkflowState | undefined,
  { before, after, activity }: Changes,
): Promise<void> {
  const flow = services.storage.issueWorkflow;
  if (assignee !== undefined) {
    await flow.setAssignee(issue.id, assignee);
    Object.assign(before, { assignedTo: state?.assignee ?? null });
    Object.assign(after, { assignedTo: assignee });
    if (assignee === null) await activity('unassigned', {});
    else await activity('assigned', { assignee: String(assignee.id), assigneeType: assignee.type });
  }
  if (body.isPublic !== undefined) {
    await flow.setPublic(issue.id, body.isPublic);
    Object.assign(before, { isPublic: state?.isPublic ?? false });
    Object.assign(after, { isPublic: body.isPublic });
    await activity(body.isPublic ? 'set_public' : 'set_private', {});
  }
  // Bookmarks, seen marks and subscriptions belong to a user; tokens without one have none.
  const userId = principal.user?.id;
  if (userId === undefined) return;
  if (body.isBookmarked !== undefined) {
    await flow.setBookmark(issue.id, userId, body.isBookmarked);
    Object.assign(after, { isBookmarked: body.isBookmarked });
  }
  if (body.hasSeen !== undefined) {
    await flow.setSeen(issue.id, userId, body.hasSeen ? services.clock.now() : null);
    Object.assign(after, { hasSeen: body.hasSeen });
  }
  if (body.isSubscribed !== undefined) {
    await flow.setSubscribed(issue.id, userId, body.isSubscribed);
    Object.assign(after, { isSubscribed: body.isSubscribed });
  }
}

function toRequested(details: IssueUpdateBody['statusDetails']): RequestedStatusDetails {
  if (details === undefined) return {};
  const { inCommit, ...rest } = details;
  const out: RequestedStatusDetails = {};
  for (const [key, value] of Object.entries(rest))
    if (value !== undefined) Object.assign(out, { [key]: value });
  if (inCommit !== undefined) out.inCommit = typeof inCommit === 'string' ? inCommit : inCommit.commit;
  return out;
}
