export type * from './database.ts';
export type { SqlDialect } from './sql-dialect.ts';
export { runMigrations } from './run-migrations.ts';
export { compressJson, compressPlainJson, decompressJson, encodeJsonText } from './payload-codec.ts';
export {
  encodeEventRecord,
  decodeEventRecord,
  encodeTimeline,
  decodeTimeline,
  preEncodeEventWrite,
  compressDeferredBlobs,
  eventBlobOf,
  timelineBlobOf,
} from './event-payload.ts';
export type { PreEncodeOptions } from './event-payload.ts';
export { toIssue, toJob } from './row-mapping.ts';
export { isUniqueViolation } from './unique-violation.ts';
export { createSqlStores } from './sql-stores.ts';
export type { SqlStores } from './sql-stores.ts';
export { createSqlProjectStore } from './sql-project-store.ts';
export { createSqlAccountStore } from './sql-account-store.ts';
export { createSqlTeamStore } from './sql-team-store.ts';
export { createSqlSessionStore } from './sql-session-store.ts';
export { createSqlIssueStore } from './sql-issue-store.ts';
export { createSqlEventStore } from './sql-event-store.ts';
export { createSqlFixStore } from './sql-fix-store.ts';
export { createSqlRetentionStore } from './sql-retention-store.ts';
export { createSqlReleaseStore } from './sql-release-store.ts';
export { createSqlArtifactStore } from './sql-artifact-store.ts';
export { createSqlJobQueue, recoverStaleJobs } from './sql-job-queue.ts';
export type { ClaimDueJobs, ClaimOptions } from './sql-job-queue.ts';
export {
  aggregateByIssue,
  aggregateOutcomes,
  planIssueUpdate,
  ISSUE_COUNTER_COLUMNS,
  USER_TAG,
} from './batch-aggregation.ts';
export type {
  AcceptedEvent,
  IssueAggregate,
  IssueCounterRow,
  IssueUpdatePlan,
  TagAggregate,
} from './batch-aggregation.ts';
export {
  assembleResults,
  attachmentRow,
  eventRow,
  followUpJobRow,
  ingestActivityRow,
  newIssueRow,
  storedResults,
  ISSUE_CREATED_JOB,
  ISSUE_REGRESSED_JOB,
} from './ingest-rows.ts';
