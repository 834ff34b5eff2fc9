import type { EventWrite, Storage } from '@fixloop/core';

/** Bounded memory: past this many (project, release) pairs the set starts over. */
const MAX_KNOWN = 10_000;

/**
 * Makes every release named by an ingested event exist as a release of its project, so the
 * releases API lists it and resolve-in-release can order it. Each (project, release) pair costs one
 * upsert per process; every later event is a Set lookup.
 */
export class SeenReleaseRecorder {
  private readonly known = new Set<string>();
  private readonly organizationOf = new Map<number, number>();

  constructor(
    private readonly storage: Storage,
    private readonly log: (line: string) => void,
  ) {}

  async record(writes: readonly EventWrite[], projectId: number, at: Date): Promise<void> {
    const fresh = new Set<string>();
    for (const write of writes) {
      const release = write.event.release;
      if (release !== null && release !== '' && !this.known.has(`${projectId}\n${release}`))
        fresh.add(release);
    }
    for (const version of fresh) {
      try {
        const organizationId = await this.organization(projectId);
        if (organizationId === null) return;
        await this.storage.releases.ensureRelease({
          organizationId,
          version,
          projectIds: [projectId],
          createdAt: at,
        });
        if (this.known.size >= MAX_KNOWN) this.known.clear();
        this.known.add(`${projectId}\n${version}`);
      } catch (error) {
        // Never fail ingest over bookkeeping; the next event of this release tries again.
        this.log(`release ${version} of project ${projectId} not recorded: ${(error as Error).message}`);
      }
    }
  }

  private async organization(projectId: number): Promise<number | null> {
    const cached = this.organizationOf.get(projectId);
    if (cached !== undefined) return cached;
    const project = await this.storage.projects.getProject(projectId);
    if (project === null) return null;
    this.organizationOf.set(projectId, project.organizationId);
    return project.organizationId;
  }
}
