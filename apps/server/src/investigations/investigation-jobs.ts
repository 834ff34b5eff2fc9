import type { Job, Storage } from '@fixloop/core';
import type { JobHandlerRegistry } from '../worker/job-handlers.ts';
import type { InvestigationRunner } from './investigation-runner.ts';

export const INVESTIGATION_RUN_JOB = 'investigation.run';
/** Enqueued when an investigation finishes; the alerting wiring turns it into "investigation done" alerts. */
export const PIPELINE_ALERT_JOB = 'alerts.pipeline';

/**
 * Investigations are jobs on the repository lane (git work takes seconds to minutes), one at a time
 * per repository. New and regressed issues of projects with `investigation.auto` get one automatically.
 */
export function registerInvestigationJobs(
  handlers: JobHandlerRegistry,
  runner: InvestigationRunner,
  storage: Storage,
): void {
  handlers.register(
    INVESTIGATION_RUN_JOB,
    async (job, { clock }) => {
      const investigationId = await investigationFor(job, storage, clock.now());
      const done = await runner.run(investigationId, { force: job.payload['force'] === true });
      await storage.jobs.enqueueUnique({
        kind: PIPELINE_ALERT_JOB,
        payload: { event: 'investigation_done', issueId: done.issueId, investigationId: done.id },
        dedupeKey: `pipeline:investigation_done:${done.id}`,
      });
    },
    { lane: 'repository' },
  );
  const autoInvestigate = async (job: Job) => {
    const issueId = Number(job.payload['issueId']);
    const project = await storage.projects.getProject(Number(job.payload['projectId']));
    if (project === null || !project.settings.investigation.auto) return;
    // Keyed by the triggering job, so a retried issue.created never investigates twice.
    await storage.jobs.enqueueUnique({
      kind: INVESTIGATION_RUN_JOB,
      payload: { issueId, trigger: 'auto' },
      dedupeKey: `investigation:auto:${job.id}`,
      concurrencyKey: `repository:${project.id}`,
    });
  };
  handlers.register('issue.created', autoInvestigate).register('issue.regressed', autoInvestigate);
}

async function investigationFor(job: Job, storage: Storage, now: Date): Promise<number> {
  const existing = job.payload['investigationId'];
  if (typeof existing === 'number') return existing;
  const issue = await storage.issues.getIssue(Number(job.payload['issueId']));
  if (issue === null) throw new Error(`issue ${String(job.payload['issueId'])} no longer exists`);
  const created = await storage.investigations.create({
    issueId: issue.id,
    projectId: issue.projectId,
    trigger: job.payload['trigger'] === 'manual' ? 'manual' : 'auto',
    createdAt: now,
  });
  return created.id;
}
