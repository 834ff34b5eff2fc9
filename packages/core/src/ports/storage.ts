import type { AccountStore } from './account-store.ts';
import type { EventStore } from './event-store.ts';
import type { IngestStore } from './ingest-store.ts';
import type { IssueStore } from './issue-store.ts';
import type { JobQueue } from './job-queue.ts';
import type { ProjectStore } from './project-store.ts';
import type { RetentionStore } from './retention-store.ts';

/** Everything a storage adapter provides. Both adapters pass the same contract suite. */
export interface Storage {
  readonly dialect: 'sqlite' | 'postgres';
  readonly ingest: IngestStore;
  readonly issues: IssueStore;
  readonly events: EventStore;
  readonly projects: ProjectStore;
  readonly accounts: AccountStore;
  readonly jobs: JobQueue;
  readonly retention: RetentionStore;
  /** Runs pending migrations; idempotent. */
  migrate(): Promise<void>;
  /** Throws when the database cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
