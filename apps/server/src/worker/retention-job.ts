import type { Job } from '@fixloop/core';
import type { JobContext } from './job-handlers.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Purges events and timelines older than each project's retention settings. */
export async function runRetention(_job: Job, { storage, clock, log }: JobContext): Promise<void> {
  const now = clock.now().getTime();
  let events = 0;
  let timelines = 0;
  for (const project of await storage.projects.listProjects()) {
    const { eventRetentionDays, timelineRetentionDays } = project.settings;
    timelines += await storage.retention.purgeTimelines(
      project.id,
      new Date(now - timelineRetentionDays * DAY_MS),
    );
    events += await storage.retention.purgeEvents(project.id, new Date(now - eventRetentionDays * DAY_MS));
  }
  if (events > 0 || timelines > 0) log(`retention: purged ${events} events and ${timelines} timelines`);
}
