import {
  autofixAvailability,
  decideTrigger,
  effectiveSeverity,
  shouldStartAutoAttempt,
  triggerRuleFor,
  triggerWindows,
  SEVERITIES,
} from '@fixloop/core';
import type { AttemptCause, Clock, Issue, Job, Project, RecentEventCounts, Storage } from '@fixloop/core';
import type { FixAttemptStarter } from './fix-attempt-starter.ts';
import type { StoredAutofixSwitchReader } from './stored-autofix-switch-reader.ts';

const SYSTEM = { kind: 'system', name: 'fixloop' } as const;
export const GITHUB_ISSUE_JOB = 'autofix.github_issue';

/**
 * Starts automatic attempts under each project's trigger rules: on new and regressed issues (the
 * ingest's follow-up jobs) and, for "≥N events within M minutes" rules, from the recurring scan, which
 * counts events per window in one query instead of doing work per ingested event.
 */
export class AutofixTriggers {
  constructor(
    private readonly storage: Storage,
    private readonly clock: Clock,
    private readonly starter: FixAttemptStarter,
    private readonly switches: StoredAutofixSwitchReader,
  ) {}

  async onIssueJob(job: Job, cause: 'issue.created' | 'issue.regressed'): Promise<void> {
    const issue = await this.storage.issues.getIssue(Number(job.payload['issueId']));
    const project = issue === null ? null : await this.storage.projects.getProject(issue.projectId);
    if (issue === null || project === null) return;
    if (cause === 'issue.created') await this.criticalGithubIssue(issue, project);
    await this.consider(issue, project, cause);
  }

  /** The threshold rules of every project where autofix may run. */
  async scan(): Promise<number> {
    let started = 0;
    for (const project of await this.projects()) {
      const rules = project.settings.autofix.triggerRules;
      const now = this.clock.now();
      for (const window of triggerWindows(rules)) {
        const minimum = Math.min(...thresholdsFor(rules, window));
        const since = new Date(now.getTime() - window * 60_000);
        for (const busy of await this.storage.alerts.busyIssues([project.id], since, now, minimum)) {
          const issue = await this.storage.issues.getIssue(busy.issueId);
          if (issue !== null && (await this.consider(issue, project, 'event_threshold'))) started += 1;
        }
      }
    }
    return started;
  }

  private async consider(issue: Issue, project: Project, cause: AttemptCause): Promise<boolean> {
    if (!autofixAvailability(project, await this.switches.read(project.id)).available) return false;
    const rules = project.settings.autofix.triggerRules;
    const decision = decideTrigger(issue, await this.recentCounts(issue, rules), rules);
    if (!decision.attemptFix) return false;
    const earlier = await this.storage.fixes.listAttempts({ projectIds: [project.id], issueId: issue.id, limit: 50, offset: 0 }); // prettier-ignore
    if (!shouldStartAutoAttempt(cause, earlier)) return false;
    const { created } = await this.starter.start({ issue, project, trigger: 'auto', actor: SYSTEM, reason: `${cause}: ${decision.reason}` }); // prettier-ignore
    return created;
  }

  private async recentCounts(
    issue: Issue,
    rules: Project['settings']['autofix']['triggerRules'],
  ): Promise<RecentEventCounts> {
    const now = this.clock.now();
    const counts: Record<number, number> = {};
    for (const window of triggerWindows(rules)) {
      const since = new Date(now.getTime() - window * 60_000);
      counts[window] =
        (await this.storage.alerts.countIssueEvents([issue.id], since, now)).get(issue.id) ?? 0;
    }
    return counts;
  }

  private async criticalGithubIssue(issue: Issue, project: Project): Promise<void> {
    if (!project.settings.autofix.github?.issuesForCritical || effectiveSeverity(issue) !== 'blocking')
      return;
    await this.storage.jobs.enqueueUnique({
      kind: GITHUB_ISSUE_JOB,
      payload: { issueId: issue.id },
      dedupeKey: `github-issue:${issue.id}`,
      maxAttempts: 5,
    });
  }

  private async projects(): Promise<Project[]> {
    const all: Project[] = [];
    for (const organization of await this.storage.projects.listOrganizations()) {
      all.push(...(await this.storage.projects.listProjects(organization.id)));
    }
    return all.filter((p) => p.settings.repository !== null && p.settings.autofix.enabled);
  }
}

function thresholdsFor(rules: Project['settings']['autofix']['triggerRules'], window: number): number[] {
  return SEVERITIES.map((severity) => triggerRuleFor(severity, rules))
    .filter(
      (rule) =>
        rule.action === 'attempt_fix' && (rule.minEvents ?? 1) > 1 && (rule.windowMinutes ?? 60) === window,
    ) // prettier-ignore
    .map((rule) => rule.minEvents ?? 1);
}
