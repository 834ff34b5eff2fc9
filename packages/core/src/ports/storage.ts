import type { AccountStore } from './account-store.ts';
import type { AlertStore } from './alert-store.ts';
import type { ArtifactStore } from './artifact-store.ts';
import type { AuditStore } from './audit-store.ts';
import type { InvestigationStore } from './investigation-store.ts';
import type { LlmUsageLedger } from './llm-usage-ledger.ts';
import type { EventStore } from './event-store.ts';
import type { FixStore } from './fix-store.ts';
import type { IngestStore } from './ingest-store.ts';
import type { IssueStore } from './issue-store.ts';
import type { IssueWorkflowStore } from './issue-workflow-store.ts';
import type { JobQueue } from './job-queue.ts';
import type { ProjectStore } from './project-store.ts';
import type { ReleaseStore } from './release-store.ts';
import type { RetentionStore } from './retention-store.ts';
import type { SessionStore } from './session-store.ts';
import type { TeamStore } from './team-store.ts';

/** Everything a storage adapter provides. Both adapters pass the same contract suite. */
export interface Storage {
  readonly dialect: 'sqlite' | 'postgres';
  readonly ingest: IngestStore;
  readonly issues: IssueStore;
  /** Assignment, comments and activity, bookmarks, merges, expiring ignores. */
  readonly issueWorkflow: IssueWorkflowStore;
  readonly events: EventStore;
  readonly projects: ProjectStore;
  readonly accounts: AccountStore;
  readonly jobs: JobQueue;
  readonly retention: RetentionStore;
  readonly audit: AuditStore;
  readonly investigations: InvestigationStore;
  /** What every LLM call cost, per project and issue; feeds the monthly budget. */
  readonly llmUsage: LlmUsageLedger;
  readonly teams: TeamStore;
  readonly sessions: SessionStore;
  /** Alert channels, rules, the delivery log and the throttle state shared by every instance. */
  readonly alerts: AlertStore;
  /** Releases, their projects and deploys. */
  readonly releases: ReleaseStore;
  /** sentry-cli uploads: chunks, artifact bundles, release files; source-map lookups. */
  readonly artifacts: ArtifactStore;
  /** Fix attempts and their audit trail, the autofix kill switches, repository leases. */
  readonly fixes: FixStore;
  /** Runs pending migrations; idempotent. */
  migrate(): Promise<void>;
  /** Throws when the database cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
