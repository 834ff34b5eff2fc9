import type { Job, Project, Storage } from '@fixloop/core';
import type { JobHandlerRegistry } from '../worker/job-handlers.ts';
import {
  AUTOFIX_ATTEMPT_JOB,
  AUTOFIX_SCAN_JOB,
  AUTOFIX_SYNC_JOB,
  repositoryConcurrencyKey,
} from './autofix-job-kinds.ts';
import type { AutofixModule } from './autofix-module.ts';
import { GITHUB_ISSUE_JOB } from './autofix-triggers.ts';

/**
 * Autofix's jobs: triggers on new and regressed issues and the minute scan (default lane: database work
 * only), attempts and branch syncs (repository lane: git and test runs, one job per repository at a
 * time), and the GitHub issue for a critical error.
 */
export function registerAutofixJobs(
  handlers: JobHandlerRegistry,
  autofix: AutofixModule,
  deps: { storage: Storage; baseUrl(): string; log: (line: string) => void },
): void {
  handlers
    .register('issue.created', (job) => autofix.triggers.onIssueJob(job, 'issue.created'))
    .register('issue.regressed', (job) => autofix.triggers.onIssueJob(job, 'issue.regressed'))
    .register(AUTOFIX_ATTEMPT_JOB, (job) => autofix.runner.run(job), { lane: 'repository' })
    .register(AUTOFIX_SYNC_JOB, (job) => syncJob(job, autofix, deps), { lane: 'repository' })
    .register(AUTOFIX_SCAN_JOB, async () => {
      await autofix.reconciler.reconcile();
      await autofix.triggers.scan();
    })
    .register(GITHUB_ISSUE_JOB, (job) => githubIssueJob(job, autofix, deps));
}

/** With a project id: that project's sync. Without (the schedule): one sync job per connected project. */
async function syncJob(
  job: Job,
  autofix: AutofixModule,
  deps: { storage: Storage; log: (line: string) => void },
): Promise<void> {
  // prettier-ignore
  const projectId = job.payload['projectId'];
  if (typeof projectId === 'number') {
    const project = await deps.storage.projects.getProject(projectId);
    const result = project === null ? null : await autofix.sync.syncProject(project);
    if (result !== null) deps.log(`autofix: synced project ${projectId}: ${JSON.stringify(result)}`);
    return;
  }
  for (const project of await connectedProjects(deps.storage)) {
    await deps.storage.jobs.enqueueUnique({
      kind: AUTOFIX_SYNC_JOB,
      payload: { projectId: project.id },
      dedupeKey: `autofix:sync:${project.id}:${String(job.payload['slot'] ?? job.id)}`,
      concurrencyKey: repositoryConcurrencyKey(project.id),
      maxAttempts: 1,
    });
  }
}

async function githubIssueJob(
  job: Job,
  autofix: AutofixModule,
  deps: { storage: Storage; baseUrl(): string },
): Promise<void> {
  // prettier-ignore
  const issue = await deps.storage.issues.getIssue(Number(job.payload['issueId']));
  const project = issue === null ? null : await deps.storage.projects.getProject(issue.projectId);
  const github = project === null ? null : autofix.githubFor(project);
  if (issue === null || project === null || github === null) return;
  // Once per issue for good: the job's dedupe key goes when retention purges finished jobs, the note stays.
  if (await openedGithubIssue(deps.storage, issue.id)) return;
  const url = `${deps.baseUrl()}/issues/${issue.id}`;
  const created = await github.createIssue({
    title: `[Fixloop] ${issue.title}`.slice(0, 250),
    body: [`A critical error in ${project.slug}: ${issue.culprit}`, '', `Seen ${issue.timesSeen} time(s). Details: ${url}`].join('\n'), // prettier-ignore
    labels: ['fixloop'],
  });
  await deps.storage.issueWorkflow.addActivity({
    issueId: issue.id,
    projectId: issue.projectId,
    type: 'note',
    userId: null,
    data: { text: `Fixloop opened GitHub issue ${created.url}`, mentions: [], githubIssueUrl: created.url },
    createdAt: new Date(),
  });
}

async function openedGithubIssue(storage: Storage, issueId: number): Promise<boolean> {
  const notes = await storage.issueWorkflow.listActivities(issueId, { type: 'note', limit: 500, offset: 0 });
  return notes.some((note) => typeof note.data['githubIssueUrl'] === 'string');
}

export async function connectedProjects(storage: Storage): Promise<Project[]> {
  const projects: Project[] = [];
  for (const organization of await storage.projects.listOrganizations()) {
    for (const project of await storage.projects.listProjects(organization.id)) {
      if (project.settings.repository !== null && project.settings.autofix.enabled) projects.push(project);
    }
  }
  return projects;
}
