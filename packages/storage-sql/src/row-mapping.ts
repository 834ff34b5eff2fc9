import type {
  ApiScope,
  ApiToken,
  ErrorClass,
  EventType,
  Issue,
  IssueMetadata,
  IssueStatus,
  IssueStatusDetails,
  IssueSubstatus,
  Job,
  JobState,
  Level,
  Organization,
  Project,
  ProjectKey,
  ProjectSettings,
  Severity,
  User,
} from '@fixloop/core';
import type { Selectable } from 'kysely';
import type {
  ApiTokensTable,
  IssuesTable,
  JobsTable,
  OrganizationsTable,
  ProjectKeysTable,
  ProjectsTable,
  UsersTable,
} from './database.ts';
import { parseJson } from './payload-codec.ts';
import { DEFAULT_PROJECT_SETTINGS, withAutofixDefaults } from '@fixloop/core';

// Numbers go through Number(): node-postgres may hand BIGINT columns over as strings.
const date = (ms: number): Date => new Date(Number(ms));
const dateOrNull = (ms: number | null): Date | null => (ms === null ? null : new Date(Number(ms)));

export function toOrganization(row: Selectable<OrganizationsTable>): Organization {
  return { id: Number(row.id), slug: row.slug, name: row.name, createdAt: date(row.created_at) };
}

export function toProject(row: Selectable<ProjectsTable>): Project {
  return {
    id: Number(row.id),
    organizationId: Number(row.organization_id),
    slug: row.slug,
    name: row.name,
    platform: row.platform,
    settings: withSettingDefaults(parseJson<Partial<ProjectSettings>>(row.settings)),
    createdAt: date(row.created_at),
  };
}

/** Settings stored before a section existed get that section's defaults. */
function withSettingDefaults(stored: Partial<ProjectSettings>): ProjectSettings {
  return {
    ...DEFAULT_PROJECT_SETTINGS,
    ...stored,
    investigation: { ...DEFAULT_PROJECT_SETTINGS.investigation, ...stored.investigation },
    autofix: withAutofixDefaults(stored.autofix),
  };
}

export function toProjectKey(row: Selectable<ProjectKeysTable>): ProjectKey {
  return {
    id: Number(row.id),
    projectId: Number(row.project_id),
    publicKey: row.public_key,
    label: row.label,
    isActive: Number(row.is_active) === 1,
    createdAt: date(row.created_at),
  };
}

export function toUser(row: Selectable<UsersTable>): User {
  return {
    id: Number(row.id),
    email: row.email,
    name: row.name,
    isSuperuser: Number(row.is_superuser) === 1,
    mustChangePassword: Number(row.must_change_password) === 1,
    createdAt: date(row.created_at),
  };
}

export function toApiToken(row: Selectable<ApiTokensTable>): ApiToken {
  return {
    id: Number(row.id),
    name: row.name,
    tokenHash: row.token_hash,
    tokenPrefix: row.token_prefix,
    tokenLastCharacters: row.token_last_characters,
    scopes: parseJson<ApiScope[]>(row.scopes),
    userId: row.user_id === null ? null : Number(row.user_id),
    createdAt: date(row.created_at),
    lastUsedAt: dateOrNull(row.last_used_at),
  };
}

export function toIssue(row: Selectable<IssuesTable>): Issue {
  return {
    id: Number(row.id),
    projectId: Number(row.project_id),
    shortId: Number(row.short_id),
    primaryHash: row.primary_hash,
    title: row.title,
    culprit: row.culprit,
    type: row.type as EventType,
    level: row.level as Level,
    platform: row.platform,
    metadata: parseJson<IssueMetadata>(row.metadata),
    status: row.status as IssueStatus,
    substatus: row.substatus as IssueSubstatus,
    statusDetails: parseJson<IssueStatusDetails>(row.status_details),
    severity: row.severity as Severity,
    errorClass: row.error_class as ErrorClass,
    severityOverride: row.severity_override as Severity | null,
    errorClassOverride: row.error_class_override as ErrorClass | null,
    firstSeen: date(row.first_seen),
    lastSeen: date(row.last_seen),
    timesSeen: Number(row.times_seen),
    userCount: Number(row.user_count),
    firstRelease: row.first_release,
    lastRelease: row.last_release,
    resolvedAt: dateOrNull(row.resolved_at),
  };
}

export function toJob(row: Selectable<JobsTable>): Job {
  return {
    id: Number(row.id),
    kind: row.kind,
    payload: parseJson<Record<string, unknown>>(row.payload),
    state: row.state as JobState,
    concurrencyKey: row.concurrency_key,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    runAt: date(row.run_at),
    lockedBy: row.locked_by,
    lockedAt: dateOrNull(row.locked_at),
    lastError: row.last_error,
    createdAt: date(row.created_at),
    finishedAt: dateOrNull(row.finished_at),
  };
}
