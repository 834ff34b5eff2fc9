import { planStatusChange } from '@fixloop/core';
import type { Issue, Project, Storage } from '@fixloop/core';

/**
 * `/resolve`: the issues API's status change (planStatusChange, resolved now) applied to the issue, with
 * its activity entry, and an audit record naming the chat.
 * The activity entry is what alerting's tick picks up for `resolved` rules, as for every other resolve.
 */
export async function resolveIssueFromChat(
  storage: Storage,
  target: { issue: Issue; project: Project },
  actor: string,
  now: Date,
): Promise<Issue> {
  const { issue, project } = target;
  if (issue.status === 'resolved') return issue;
  const planned = planStatusChange(issue, 'resolved', {}, now);
  if (!planned.ok) throw new Error(planned.message);
  const { change } = planned;
  const updated = await storage.issues.updateIssue(issue.id, {
    status: change.status,
    substatus: change.substatus,
    statusDetails: change.statusDetails,
    resolvedAt: change.resolvedAt,
    ignoreUntil: change.ignoreUntil,
  });
  await storage.issueWorkflow.addActivity({
    issueId: issue.id,
    projectId: project.id,
    type: change.activity.type,
    userId: null,
    data: { ...change.activity.data, via: actor },
    createdAt: now,
  });
  await storage.audit.record({
    organizationId: project.organizationId,
    actor,
    userId: null,
    tokenId: null,
    action: 'issue.update',
    target: `issue:${issue.id}`,
    before: { status: issue.status },
    after: { status: change.status },
    createdAt: now,
  });
  return updated ?? issue;
}
