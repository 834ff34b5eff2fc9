import type {
  Deploy,
  DeployInput,
  Release,
  ReleaseCommit,
  ReleaseInput,
  ReleaseListFilter,
  ReleasePatch,
} from '../releases/release.ts';

/** Releases, their projects and deploys. Versions are unique per organization. */
export interface ReleaseStore {
  /**
   * Creates the release, or links the given projects to the existing one (and records commits when
   * given). `created` tells which, for sentry-cli's 201 / 208.
   */
  ensureRelease(input: ReleaseInput): Promise<{ release: Release; created: boolean }>;
  getRelease(organizationId: number, version: string): Promise<Release | null>;
  /** Newest first (by creation, then id). */
  listReleases(filter: ReleaseListFilter): Promise<Release[]>;
  updateRelease(id: number, patch: ReleasePatch): Promise<Release | null>;
  /** Deletes the release with its deploys and legacy release files; false when it did not exist. */
  deleteRelease(id: number): Promise<boolean>;
  /**
   * The newest release created before this one, sharing a project with it, that has commits, with
   * its newest commit: where `sentry-cli releases set-commits --local` starts the next range.
   */
  previousWithCommits(releaseId: number): Promise<{ release: Release; lastCommit: ReleaseCommit } | null>;
  /** The release's commits as they were set, newest first; commits without an id are skipped. */
  listCommits(releaseId: number): Promise<ReleaseCommit[]>;
  addDeploy(input: DeployInput): Promise<Deploy>;
  /** Newest first. */
  listDeploys(releaseId: number): Promise<Deploy[]>;
}
