import { summarizeVerification } from '@fixloop/core';
import type { FixAttemptEvent, FixEventActor, Issue, Project, StoredFixAttempt } from '@fixloop/core';
import { branchWebUrl } from './branch-web-url.ts';

export interface FixContext {
  issue: Pick<Issue, 'id' | 'shortId' | 'title'> | null;
  project: Pick<Project, 'slug' | 'settings'> | null;
  events: FixAttemptEvent[];
}

/**
 * Fix JSON as the dashboard, the CLI and the MCP tools read it (a Fixloop addition, camelCase, ids as
 * strings, ISO dates). Lists leave out the heavy fields' audit trail but keep the diff and the test.
 */
export function serializeFix(attempt: StoredFixAttempt, context: FixContext): Record<string, unknown> {
  const verification = summarizeVerification(attempt.record?.verdict ?? null);
  const repositoryUrl = context.project?.settings.repository?.url ?? null;
  const shortId = context.issue && context.project ? `${context.project.slug.toUpperCase()}-${context.issue.shortId}` : null; // prettier-ignore
  return {
    id: String(attempt.id),
    issueId: String(attempt.issueId),
    projectId: String(attempt.projectId),
    issue: context.issue ? { id: String(context.issue.id), shortId, title: context.issue.title } : null,
    title: attempt.record?.candidate?.summary ?? context.issue?.title ?? `Fix ${attempt.id}`,
    status: attempt.state,
    trigger: attempt.trigger,
    dryRun: attempt.trigger === 'dry_run',
    category: attempt.category,
    confidence: attempt.confidence,
    fixer: attempt.fixer,
    explanation: attempt.explanation,
    reason: attempt.reason,
    diff: attempt.diff,
    testFile: attempt.testFile,
    testContent: attempt.testContent,
    verification: {
      outcome: attempt.verificationOutcome,
      reproducedBefore: verification.reproducedBefore,
      passedAfter: verification.passedAfter,
      suiteOk: verification.suiteOk,
      log: attempt.verificationLog ?? verification.log,
    },
    baseSha: attempt.baseSha,
    commitSha: attempt.commitSha,
    branch: attempt.branch,
    branchUrl: repositoryUrl === null ? null : branchWebUrl(repositoryUrl, attempt.branch),
    pullRequestUrl: attempt.pullRequestUrl,
    pushState: attempt.pushState,
    checksState: attempt.checksState,
    approverRole: attempt.approverRole,
    approvals: approvals(context.events),
    rollbackSha: attempt.rollbackSha,
    runs: attempt.runs,
    lastError: attempt.lastError,
    events: context.events.map((e) => ({ state: e.to, from: e.from, actor: actorJson(e.actor), at: e.at.toISOString(), note: e.reason })), // prettier-ignore
    dateCreated: attempt.createdAt.toISOString(),
    dateUpdated: attempt.updatedAt.toISOString(),
    dateCommitted: attempt.committedAt?.toISOString() ?? null,
    dateRolledBack: attempt.rolledBackAt?.toISOString() ?? null,
  };
}

function approvals(events: FixAttemptEvent[]) {
  return events
    .filter((e) => (e.from === 'awaiting_approval' && e.to === 'committed') || e.to === 'rejected')
    .map((e) => ({ decision: e.to === 'rejected' ? 'rejected' : 'approved', actor: actorJson(e.actor), at: e.at.toISOString(), reason: e.reason })); // prettier-ignore
}

function actorJson(actor: FixEventActor): { type: string; id: string | null; name: string } {
  if (actor.kind === 'user')
    return { type: 'user', id: String(actor.userId), name: actor.name ?? `user ${actor.userId}` };
  return { type: actor.kind, id: null, name: actor.name };
}
