import type { GitWorkspace, Project, Storage, StoredFixAttempt } from '@fixloop/core';
import type { Clock } from '@fixloop/core';
import type { GithubClient } from './github/github-client.ts';
import { publishFixAlert, type FixAlertEvent } from './publish-fix-alert.ts';

export interface FixFollowUpDeps {
  storage: Storage;
  clock: Clock;
  log: (line: string) => void;
  baseUrl(): string;
  githubFor(project: Project): GithubClient | null;
}

const SYSTEM = { kind: 'system', name: 'fixloop' } as const;
const COMMITTED = ['committed', 'tests_passed', 'tests_failed'];

/**
 * What follows a state an attempt ended in: pushing the fix branch (recorded, retried by the sync job),
 * the GitHub pull request, the pipeline alert and a short comment on the issue.
 */
export class FixFollowUps {
  constructor(private readonly deps: FixFollowUpDeps) {}

  /** Pushes the attempt's branch after a commit (or revert) and opens or updates its pull request. */
  async publish(attempt: StoredFixAttempt, project: Project, git: GitWorkspace): Promise<StoredFixAttempt> {
    if (!project.settings.autofix.push) return attempt;
    const { storage, clock } = this.deps;
    try {
      await git.push(attempt.branch);
    } catch (error) {
      const message = `push of ${attempt.branch} failed: ${(error as Error).message}`;
      await this.note(attempt, message, { push: 'failed' });
      return (await storage.fixes.update(attempt.id, { pushState: 'failed', lastError: message, updatedAt: clock.now() })) ?? attempt; // prettier-ignore
    }
    await this.note(attempt, `pushed ${attempt.branch} to the remote`, { push: 'pushed' });
    const pushed =
      (await storage.fixes.update(attempt.id, { pushState: 'pushed', updatedAt: clock.now() })) ?? attempt;
    return this.pullRequest(pushed, project, git);
  }

  /** The alert and the issue comment for the attempt's current state, once per state and run. */
  async announce(attempt: StoredFixAttempt): Promise<void> {
    const event = alertEventFor(attempt);
    if (event === null) return;
    const fixUrl = attempt.pullRequestUrl ?? `${this.deps.baseUrl()}/fixes/${attempt.id}`;
    await publishFixAlert(this.deps.storage, event, {
      issueId: attempt.issueId,
      fixId: attempt.id,
      run: attempt.runs,
      commitSha: attempt.commitSha,
      fixUrl,
      rootCause: attempt.record?.candidate?.rootCause ?? null,
      relatedFiles: attempt.record?.candidate?.patch.files.map((f) => f.path) ?? [],
    });
    await this.comment(attempt, commentText(attempt, fixUrl));
  }

  private async pullRequest(
    attempt: StoredFixAttempt,
    project: Project,
    git: GitWorkspace,
  ): Promise<StoredFixAttempt> {
    const mode = project.settings.autofix.github?.pullRequests ?? 'off';
    const github = mode === 'off' ? null : this.deps.githubFor(project);
    if (github === null) return attempt;
    try {
      const base = project.settings.repository?.baseBranch ?? (await git.baseHead()).branch;
      const pull = await github.ensurePullRequest({ head: attempt.branch, base, ...(await this.pullRequestText(attempt, mode)) }); // prettier-ignore
      await this.note(attempt, `${pull.created ? 'opened' : 'updated'} pull request ${pull.url}`, { pullRequest: pull.number }); // prettier-ignore
      return (await this.deps.storage.fixes.update(attempt.id, { pullRequestUrl: pull.url })) ?? attempt;
    } catch (error) {
      this.deps.log(`autofix: pull request for fix ${attempt.id} failed: ${(error as Error).message}`);
      await this.note(attempt, `pull request failed: ${(error as Error).message}`, null);
      return attempt;
    }
  }

  private async pullRequestText(
    attempt: StoredFixAttempt,
    mode: string,
  ): Promise<{ title: string; body: string }> {
    const link = (a: StoredFixAttempt) => `${this.deps.baseUrl()}/fixes/${a.id}`;
    if (mode === 'per_fix') {
      const subject = attempt.record?.commitMessage?.split('\n')[0] ?? `Fixloop fix ${attempt.id}`;
      return {
        title: subject,
        body: `${attempt.explanation ?? ''}\n\nVerified by Fixloop: ${link(attempt)}`.trim(),
      };
    }
    const onBranch = await this.deps.storage.fixes.listAttempts({
      projectIds: [attempt.projectId],
      states: ['committed', 'tests_passed', 'tests_failed'],
      limit: 100,
      offset: 0,
    });
    const fixes = onBranch.filter((a) => a.branch === attempt.branch);
    const lines = fixes.map((a) => `- ${a.commitSha?.slice(0, 12) ?? ''} ${a.record?.candidate?.summary ?? `fix ${a.id}`} (${link(a)})`); // prettier-ignore
    return {
      title: `Fixloop: ${fixes.length} verified fix${fixes.length === 1 ? '' : 'es'}`,
      body: ['Each fix comes with a test that fails before it and passes after it.', '', ...lines].join('\n'),
    };
  }

  private async note(
    attempt: StoredFixAttempt,
    reason: string,
    details: Record<string, unknown> | null,
  ): Promise<void> {
    const at = this.deps.clock.now();
    await this.deps.storage.fixes.recordEvent({ attemptId: attempt.id, to: attempt.state, actor: SYSTEM, reason, details, at }); // prettier-ignore
  }

  private async comment(attempt: StoredFixAttempt, text: string | null): Promise<void> {
    if (text === null) return;
    try {
      await this.deps.storage.issueWorkflow.addActivity({
        issueId: attempt.issueId,
        projectId: attempt.projectId,
        type: 'note',
        userId: null,
        data: { text, mentions: [] },
        createdAt: this.deps.clock.now(),
      });
    } catch (error) {
      this.deps.log(`autofix: comment on issue ${attempt.issueId} failed: ${(error as Error).message}`);
    }
  }
}

function alertEventFor(attempt: StoredFixAttempt): FixAlertEvent | null {
  if (attempt.state === 'committed') return 'fix_committed';
  if (attempt.state === 'tests_failed') return 'fix_tests_failed';
  if (attempt.state === 'awaiting_approval') return 'needs_review';
  if (attempt.state === 'needs_review' && attempt.trigger !== 'dry_run') return 'needs_review';
  return null;
}

function commentText(attempt: StoredFixAttempt, url: string): string | null {
  const summary = attempt.record?.candidate?.summary;
  if (COMMITTED.includes(attempt.state) && attempt.state !== 'tests_failed') {
    return `Fixloop committed a verified fix to \`${attempt.branch}\` (${attempt.commitSha?.slice(0, 12) ?? ''}): ${summary ?? ''}. Its test \`${attempt.testFile ?? ''}\` fails without the fix and passes with it. ${url}`; // prettier-ignore
  }
  if (attempt.state === 'tests_failed') return `The CI checks of Fixloop's fix ${attempt.commitSha?.slice(0, 12) ?? ''} failed. ${url}`; // prettier-ignore
  if (attempt.state === 'awaiting_approval') {
    return `Fixloop verified a fix (category ${attempt.category ?? '?'}) that waits for approval: ${summary ?? ''}. ${url}`;
  }
  if (attempt.state === 'needs_review' && attempt.trigger !== 'dry_run') {
    return `Fixloop could not verify a fix for this issue: ${attempt.reason ?? 'see the attempt'}. ${url}`;
  }
  return null;
}
