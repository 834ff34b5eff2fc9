import type { Investigation, Issue, Project, Storage } from '@fixloop/core';
import { INVESTIGATION_RUN_JOB } from '../alert-job-kinds.ts';

/**
 * `/investigate`: what `POST /api/0/issues/{id}/investigations/` does: a manual investigation record (it
 * shows as pending at once), its job on the project's repository lane, and an audit record naming the chat.
 */
export async function investigateIssueFromChat(
  storage: Storage,
  target: { issue: Issue; project: Project },
  actor: string,
  now: Date,
): Promise<Investigation> {
  const { issue, project } = target;
  const investigation = await storage.investigations.create({
    issueId: issue.id,
    projectId: project.id,
    trigger: 'manual',
    createdAt: now,
  });
  await storage.jobs.enqueue({
    kind: INVESTIGATION_RUN_JOB,
    payload: { investigationId: investigation.id, force: false },
    concurrencyKey: `repository:${project.id}`,
    runAt: now,
  });
  await storage.audit.record({
    organizationId: project.organizationId,
    actor,
    userId: null,
    tokenId: null,
    action: 'investigation.request',
    target: `issue:${issue.id}`,
    before: null,
    after: { investigationId: investigation.id, force: false },
    createdAt: now,
  });
  return investigation;
}
