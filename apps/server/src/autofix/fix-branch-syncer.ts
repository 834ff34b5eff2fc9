import { loadAutofixEngine } from './load-autofix-engine.ts';
import type { FixBranchSync } from '@fixloop/autofix';
import { autofixAvailability, withRepositoryDefaults } from '@fixloop/core';
import type { GitWorkspace, Project, StoredFixAttempt } from '@fixloop/core';
import type { AutofixPortsFactory } from './autofix-ports-factory.ts';
import type { FixActions } from './fix-actions.ts';
import type { FixFollowUps } from './fix-follow-ups.ts';
import { RepositoryLease } from './repository-lease.ts';

const SYSTEM = { kind: 'system', name: 'fixloop' } as const;
const COMMITTED = ['committed', 'tests_passed', 'tests_failed'] as const;
const MERGED_BY: Record<Extract<FixBranchSync, { status: 'reset' }>['mergedBy'], string> = {
  ancestry: '',
  patches: ' (rebase merge: every fix commit is in the base)',
  content: ' (squash merge: every changed file reads the same in the base)',
};
/** Check runs are read for this long after the commit; CI that never reports is not waited for forever. */
const CHECKS_FOR_MS = 7 * 24 * 60 * 60 * 1000;

export interface ProjectSyncResult {
  branches: Record<string, FixBranchSync['status']>;
  regenerated: number;
  pushed: number;
  checks: number;
}

/**
 * The branch workflow of one project: fetch; a fix branch merged into the base (by ancestry, or by
 * content after a squash or rebase merge) is reset to the base head, and fixes awaiting approval are regenerated against the fresh code; failed pushes are
 * retried; the fix commits' check runs become tests_passed or tests_failed.
 */
export class FixBranchSyncer {
  constructor(
    private readonly factory: AutofixPortsFactory,
    private readonly actions: FixActions,
    private readonly followUps: FixFollowUps,
    private readonly githubChecks: (
      project: Project,
      sha: string,
    ) => Promise<'success' | 'failure' | 'pending' | null>,
    private readonly instanceId: string,
  ) {}

  async syncProject(project: Project): Promise<ProjectSyncResult | null> {
    const { storage, clock } = this.factory.environment;
    if (!autofixAvailability(project, await this.factory.switches.read(project.id)).available) return null;
    const projectFix = await this.factory.forProject(project);
    if (projectFix === null) return null;
    const lease = await RepositoryLease.acquire(storage.fixes, clock, project.id, this.instanceId);
    if (lease === null) return null;
    try {
      const attempts = await storage.fixes.listAttempts({ projectIds: [project.id], limit: 500, offset: 0 });
      const result: ProjectSyncResult = { branches: {}, regenerated: 0, pushed: 0, checks: 0 };
      const git = projectFix.ports.git;
      for (const branch of this.branches(project, attempts)) {
        const { syncFixBranch } = await loadAutofixEngine();
        const sync = await syncFixBranch(git, { fixBranch: branch }, { push: project.settings.autofix.push });
        result.branches[branch] = sync.status;
        if (sync.status === 'reset')
          result.regenerated += await this.regenerate(attempts, branch, sync.baseSha, MERGED_BY[sync.mergedBy]); // prettier-ignore
      }
      result.pushed = await this.retryPushes(project, attempts, git);
      result.checks = await this.readChecks(project, attempts);
      return result;
    } finally {
      await lease.release();
    }
  }

  private branches(project: Project, attempts: StoredFixAttempt[]): string[] {
    const fixBranch = withRepositoryDefaults(project.settings.repository ?? { url: '' }).fixBranch;
    return [...new Set([fixBranch, ...attempts.filter((a) => a.branch !== fixBranch && isCommitted(a)).map((a) => a.branch)])]; // prettier-ignore
  }

  /** After a merge: committed fixes on the branch are in the base; fixes awaiting approval start over. */
  private async regenerate(
    attempts: StoredFixAttempt[],
    branch: string,
    baseSha: string,
    how: string,
  ): Promise<number> {
    const { storage, clock } = this.factory.environment;
    let regenerated = 0;
    for (const attempt of attempts.filter((a) => a.branch === branch)) {
      if (isCommitted(attempt)) {
        await storage.fixes.recordEvent({ attemptId: attempt.id, to: attempt.state, actor: SYSTEM, reason: `merged${how}: ${branch} is in the base at ${baseSha.slice(0, 12)}; the branch was reset to it`, details: { baseSha }, at: clock.now() }); // prettier-ignore
      } else if (attempt.state === 'awaiting_approval') {
        await this.actions.retry(attempt, SYSTEM, `the fix branch was merged and reset to ${baseSha.slice(0, 12)}: regenerating against the fresh code`); // prettier-ignore
        regenerated += 1;
      }
    }
    return regenerated;
  }

  private async retryPushes(
    project: Project,
    attempts: StoredFixAttempt[],
    git: GitWorkspace,
  ): Promise<number> {
    let pushed = 0;
    for (const attempt of attempts.filter((a) => a.pushState === 'failed' && isCommitted(a))) {
      if ((await this.followUps.publish(attempt, project, git)).pushState === 'pushed') pushed += 1;
    }
    return pushed;
  }

  private async readChecks(project: Project, attempts: StoredFixAttempt[]): Promise<number> {
    const github = project.settings.autofix.github;
    if (!github?.checkRuns) return 0;
    const { storage, clock } = this.factory.environment;
    let read = 0;
    const recent = attempts.filter((a) => isCommitted(a) && a.commitSha !== null && clock.now().getTime() - (a.committedAt?.getTime() ?? 0) < CHECKS_FOR_MS); // prettier-ignore
    for (const attempt of recent) {
      const state = await this.githubChecks(project, attempt.commitSha ?? '');
      if (state === null || state === attempt.checksState) continue;
      read += 1;
      const to = state === 'success' ? 'tests_passed' : state === 'failure' ? 'tests_failed' : null;
      if (to === null || to === attempt.state) {
        await storage.fixes.update(attempt.id, { checksState: state });
        continue;
      }
      const moved = await storage.fixes.transition({ attemptId: attempt.id, from: attempt.state, to, actor: SYSTEM, reason: `the commit's check runs ${state === 'success' ? 'passed' : 'failed'}`, at: clock.now(), patch: { checksState: state } }); // prettier-ignore
      if (moved !== null) await this.followUps.announce(moved);
    }
    return read;
  }
}

function isCommitted(attempt: StoredFixAttempt): boolean {
  return (COMMITTED as readonly string[]).includes(attempt.state);
}
