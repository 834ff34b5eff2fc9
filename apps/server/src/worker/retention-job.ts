import { STALE_CHUNK_MS, retentionCutoff } from '@fixloop/core';
import type { Job } from '@fixloop/core';
import type { JobContext } from './job-handlers.ts';

/** Finished jobs are kept this long: recent failures feed health and alerts; older rows only grow the table. */
export const JOB_HISTORY_DAYS = 7;
/** The alert delivery log covers the default event retention. */
export const DELIVERY_HISTORY_DAYS = 90;

/**
 * Purges events and timelines older than each project's retention settings, upload chunks of uploads that
 * never finished, and the history of finished jobs and sent alerts (the scheduler alone finishes a job a
 * minute).
 */
export async function runRetention(_job: Job, { storage, clock, log }: JobContext): Promise<void> {
  const now = clock.now();
  let events = 0;
  let timelines = 0;
  for (const project of await storage.projects.listProjects()) {
    const { eventRetentionDays, timelineRetentionDays } = project.settings;
    timelines += await storage.retention.purgeTimelines(
      project.id,
      retentionCutoff(now, timelineRetentionDays),
    );
    events += await storage.retention.purgeEvents(project.id, retentionCutoff(now, eventRetentionDays));
  }
  let chunks = 0;
  for (const organization of await storage.projects.listOrganizations()) {
    chunks += await storage.artifacts.deleteChunksBefore(
      organization.id,
      new Date(now.getTime() - STALE_CHUNK_MS),
    );
  }
  const jobs = await storage.retention.purgeFinishedJobs(retentionCutoff(now, JOB_HISTORY_DAYS));
  const deliveries = await storage.retention.purgeAlertDeliveries(
    retentionCutoff(now, DELIVERY_HISTORY_DAYS),
  );
  if (events + timelines + chunks + jobs + deliveries > 0) {
    log(`retention: purged ${events} events, ${timelines} timelines, ${chunks} stale upload chunks, ${jobs} finished jobs, ${deliveries} alert deliveries`); // prettier-ignore
  }
}
