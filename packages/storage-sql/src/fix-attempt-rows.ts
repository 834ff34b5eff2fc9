import type { Insertable, Selectable } from 'kysely';
import type {
  FixAttemptEvent,
  FixAttemptPatch,
  FixAttemptRecord,
  FixAttemptState,
  FixChecksState,
  FixEventActor,
  FixPushState,
  FixTrigger,
  PolicyCategory,
  StoredFixAttempt,
} from '@fixloop/core';
import type { FixAttemptEventsTable, FixAttemptsTable } from './database.ts';

const date = (v: number | string | null): Date | null => (v === null ? null : new Date(Number(v)));
const ms = (d: Date | null | undefined): number | null => (d == null ? null : d.getTime());

export function toStoredFixAttempt(row: Selectable<FixAttemptsTable>): StoredFixAttempt {
  return {
    id: Number(row.id),
    projectId: Number(row.project_id),
    issueId: Number(row.issue_id),
    state: row.state as FixAttemptState,
    trigger: row.trigger as FixTrigger,
    record: row.record === null ? null : reviveRecord(JSON.parse(row.record) as FixAttemptRecord),
    category: row.category as PolicyCategory | null,
    confidence: row.confidence === null ? null : Number(row.confidence),
    fixer: row.fixer,
    explanation: row.explanation,
    diff: row.diff,
    testFile: row.test_file,
    testContent: row.test_content,
    verificationOutcome: row.verification_outcome,
    verificationLog: row.verification_log,
    baseSha: row.base_sha,
    commitSha: row.commit_sha,
    branch: row.branch,
    pushState: row.push_state as FixPushState,
    pullRequestUrl: row.pull_request_url,
    checksState: row.checks_state as FixChecksState | null,
    approverRole: row.approver_role as StoredFixAttempt['approverRole'],
    approvedBy: row.approved_by,
    approvedAt: date(row.approved_at),
    rejectedBy: row.rejected_by,
    rejectionReason: row.rejection_reason,
    rejectedAt: date(row.rejected_at),
    rollbackSha: row.rollback_sha,
    rolledBackAt: date(row.rolled_back_at),
    runs: Number(row.runs),
    lastError: row.last_error,
    reason: row.reason,
    jobId: row.job_id === null ? null : Number(row.job_id),
    investigationId: row.investigation_id === null ? null : Number(row.investigation_id),
    createdAt: new Date(Number(row.created_at)),
    updatedAt: new Date(Number(row.updated_at)),
    committedAt: date(row.committed_at),
  };
}

/** JSON keeps dates as strings: the record's one date comes back as a Date. */
function reviveRecord(record: FixAttemptRecord): FixAttemptRecord {
  const committedAt = record.committedAt as unknown;
  return { ...record, committedAt: typeof committedAt === 'string' ? new Date(committedAt) : null };
}

/** The columns a patch sets; fields left out stay as they are. */
type FixAttemptColumns = Partial<Omit<FixAttemptsTable, 'id'>>;

export function fixAttemptPatchRow(patch: FixAttemptPatch): FixAttemptColumns {
  const row: FixAttemptColumns = {};
  const set = <K extends keyof FixAttemptColumns>(key: K, value: FixAttemptColumns[K] | undefined) => {
    if (value !== undefined) row[key] = value;
  };
  set(
    'record',
    patch.record === undefined ? undefined : patch.record === null ? null : JSON.stringify(patch.record),
  );
  set('category', patch.category);
  set('confidence', patch.confidence);
  set('fixer', patch.fixer);
  set('explanation', patch.explanation);
  set('diff', patch.diff);
  set('test_file', patch.testFile);
  set('test_content', patch.testContent);
  set('verification_outcome', patch.verificationOutcome);
  set('verification_log', patch.verificationLog);
  set('base_sha', patch.baseSha);
  set('commit_sha', patch.commitSha);
  set('branch', patch.branch);
  set('push_state', patch.pushState);
  set('pull_request_url', patch.pullRequestUrl);
  set('checks_state', patch.checksState);
  set('approver_role', patch.approverRole);
  set('approved_by', patch.approvedBy);
  set('approved_at', patch.approvedAt === undefined ? undefined : ms(patch.approvedAt));
  set('rejected_by', patch.rejectedBy);
  set('rejection_reason', patch.rejectionReason);
  set('rejected_at', patch.rejectedAt === undefined ? undefined : ms(patch.rejectedAt));
  set('rollback_sha', patch.rollbackSha);
  set('rolled_back_at', patch.rolledBackAt === undefined ? undefined : ms(patch.rolledBackAt));
  set('runs', patch.runs);
  set('last_error', patch.lastError);
  set('reason', patch.reason);
  set('job_id', patch.jobId);
  set('investigation_id', patch.investigationId);
  set('committed_at', patch.committedAt === undefined ? undefined : ms(patch.committedAt));
  if (patch.updatedAt !== undefined) row.updated_at = patch.updatedAt.getTime();
  return row;
}

export function fixEventRow(
  attemptId: number,
  event: { from: FixAttemptState | null; to: FixAttemptState; actor: FixEventActor; reason: string; details?: Record<string, unknown> | null; at: Date }, // prettier-ignore
): Insertable<FixAttemptEventsTable> {
  const actor = event.actor;
  return {
    attempt_id: attemptId,
    from_state: event.from,
    to_state: event.to,
    actor_kind: actor.kind,
    actor_name: actor.kind === 'user' ? (actor.name ?? `user ${actor.userId}`) : actor.name,
    actor_user_id: actor.kind === 'user' ? actor.userId : null,
    reason: event.reason,
    details: event.details == null ? null : JSON.stringify(event.details),
    at: event.at.getTime(),
  };
}

export function toFixAttemptEvent(row: Selectable<FixAttemptEventsTable>): FixAttemptEvent {
  const actor: FixEventActor =
    row.actor_kind === 'user'
      ? { kind: 'user', userId: Number(row.actor_user_id), name: row.actor_name }
      : row.actor_kind === 'agent'
        ? { kind: 'agent', name: row.actor_name }
        : { kind: 'system', name: row.actor_name };
  return {
    id: Number(row.id),
    attemptId: Number(row.attempt_id),
    from: row.from_state as FixAttemptState | null,
    to: row.to_state as FixAttemptState,
    actor,
    reason: row.reason,
    details: row.details === null ? null : (JSON.parse(row.details) as Record<string, unknown>),
    at: new Date(Number(row.at)),
  };
}
