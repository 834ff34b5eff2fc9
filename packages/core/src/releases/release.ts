/** A deploy of a release to an environment (Sentry's Deploy). */
export interface Deploy {
  id: number;
  releaseId: number;
  organizationId: number;
  environment: string;
  name: string | null;
  url: string | null;
  dateStarted: Date | null;
  dateFinished: Date;
}

/** Sentry's release status: archived releases leave the default lists (`sentry-cli releases archive`). */
export type ReleaseStatus = 'open' | 'archived';

/**
 * A release of an organization, linked to projects. Created by the API, by sentry-cli, or lazily when
 * an event names it. `newGroups` counts issues first seen in it; the deploy fields are derived.
 */
export interface Release {
  id: number;
  organizationId: number;
  version: string;
  status: ReleaseStatus;
  ref: string | null;
  url: string | null;
  dateCreated: Date;
  dateReleased: Date | null;
  commitCount: number;
  projectIds: number[];
  newGroups: number;
  deployCount: number;
  lastDeploy: Deploy | null;
}

/** The newest commit of a release as sentry-cli sent it (`set-commits`: newest first). */
export interface ReleaseCommitRef {
  id: string;
  message: string | null;
  /** ISO 8601, as the commit's `timestamp` was given. */
  dateCreated: string | null;
}

/** A commit of a release, from the Sentry commit objects sentry-cli sent. */
export interface ReleaseCommit extends ReleaseCommitRef {
  authorName: string | null;
  authorEmail: string | null;
  repository: string | null;
}

export interface ReleaseInput {
  organizationId: number;
  version: string;
  projectIds: number[];
  ref?: string | null;
  url?: string | null;
  dateReleased?: Date | null;
  /** Sentry commit objects, kept as given; only their number is shown. */
  commits?: unknown[] | null;
  createdAt: Date;
}

/** Fields a PUT may change; `undefined` leaves a field as it is, `null` clears it. */
export interface ReleasePatch {
  ref?: string | null;
  url?: string | null;
  dateReleased?: Date | null;
  commits?: unknown[] | null;
  projectIds?: number[];
  status?: ReleaseStatus;
}

export interface DeployInput {
  releaseId: number;
  organizationId: number;
  environment: string;
  name?: string | null;
  url?: string | null;
  dateStarted?: Date | null;
  dateFinished: Date;
}

export interface ReleaseListFilter {
  organizationId: number;
  /** Only releases linked to one of these projects (undefined: all of the organization). */
  projectIds?: number[];
  /** Substring of the version (Sentry's `?query=`). */
  query?: string;
  /** Only releases with this status (undefined: any). */
  status?: ReleaseStatus;
  limit: number;
  offset: number;
}
