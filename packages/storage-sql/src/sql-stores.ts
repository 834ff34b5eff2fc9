import type { Kysely } from 'kysely';
import type { SecretSealer, Storage } from '@fixloop/core';
import type { Database } from './database.ts';
import type { SqlDialect } from './sql-dialect.ts';
import { createSqlAccountStore } from './sql-account-store.ts';
import { createSqlAlertStore } from './sql-alert-store.ts';
import { createSqlArtifactStore } from './sql-artifact-store.ts';
import { createSqlAuditStore } from './sql-audit-store.ts';
import { createSqlEventStore } from './sql-event-store.ts';
import { createSqlFixStore } from './sql-fix-store.ts';
import { createSqlInvestigationStore } from './sql-investigation-store.ts';
import { createSqlIssueStore } from './sql-issue-store.ts';
import { createSqlIssueWorkflowStore } from './sql-issue-workflow-store.ts';
import { createSqlLlmUsageLedger } from './sql-llm-usage-ledger.ts';
import { createSqlProjectStore } from './sql-project-store.ts';
import { createSqlReleaseStore } from './sql-release-store.ts';
import { createSqlRetentionStore } from './sql-retention-store.ts';
import { createSqlSessionStore } from './sql-session-store.ts';
import { createSqlTeamStore } from './sql-team-store.ts';

/** Stores whose SQL is the same on both dialects; the adapters add ingest, jobs and lifecycle. */
export type SqlStores = Omit<Storage, 'dialect' | 'ingest' | 'jobs' | 'migrate' | 'ping' | 'close'>;

export function createSqlStores(db: Kysely<Database>, dialect: SqlDialect, sealer?: SecretSealer): SqlStores {
  return {
    issues: createSqlIssueStore(db, dialect),
    issueWorkflow: createSqlIssueWorkflowStore(db, dialect),
    events: createSqlEventStore(db),
    projects: createSqlProjectStore(db, sealer),
    accounts: createSqlAccountStore(db, dialect),
    retention: createSqlRetentionStore(db),
    audit: createSqlAuditStore(db),
    teams: createSqlTeamStore(db),
    sessions: createSqlSessionStore(db),
    investigations: createSqlInvestigationStore(db),
    llmUsage: createSqlLlmUsageLedger(db),
    alerts: createSqlAlertStore(db),
    releases: createSqlReleaseStore(db),
    artifacts: createSqlArtifactStore(db),
    fixes: createSqlFixStore(db),
  };
}
