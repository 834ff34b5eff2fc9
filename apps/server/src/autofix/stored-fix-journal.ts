import { AppError } from '@fixloop/core';
import type { FixAttemptJournal, FixAttemptTransition, FixEscalation, Storage } from '@fixloop/core';
import { attemptRecordColumns } from './attempt-record-columns.ts';
import { publishFixAlert } from './publish-fix-alert.ts';

/**
 * The engine's journal, persisted: every transition is a compare-and-set on the attempt row plus an
 * audit line in one transaction, so the dashboard shows the state the moment it changes and two writers
 * can never both move an attempt. An escalation is an audit line and a pipeline alert.
 */
export class StoredFixJournal implements FixAttemptJournal {
  constructor(private readonly storage: Storage) {}

  async transition(t: FixAttemptTransition): Promise<void> {
    const moved = await this.storage.fixes.transition({
      attemptId: t.attemptId,
      from: t.from,
      to: t.to,
      actor: t.actor,
      reason: t.reason,
      details: t.details ? { ...t.details } : null,
      at: t.at,
      // The record's columns move with the state (the runner saves the record once more when it ends).
      patch: {
        ...(t.record ? attemptRecordColumns(t.record) : {}),
        ...(t.to === 'failed' ? { lastError: t.reason } : {}),
        ...(t.to === 'committed' && typeof t.details?.['commitSha'] === 'string'
          ? { commitSha: t.details['commitSha'], committedAt: t.at }
          : {}),
      },
    });
    if (moved === null) {
      throw new AppError(
        'conflict',
        `fix attempt ${t.attemptId} is no longer ${t.from}; it was moved meanwhile`,
      );
    }
  }

  async escalate(escalation: FixEscalation): Promise<void> {
    const attempt = await this.storage.fixes.getAttempt(escalation.attemptId);
    await this.storage.fixes.recordEvent({
      attemptId: escalation.attemptId,
      to: attempt?.state ?? 'needs_review',
      actor: { kind: 'agent', name: 'fixloop-autofix' },
      reason: `escalated: ${escalation.reason}`,
      details: { escalated: true },
      at: escalation.at,
    });
    await publishFixAlert(this.storage, 'escalation', {
      issueId: escalation.issueId,
      fixId: escalation.attemptId,
      run: attempt?.runs ?? 0,
    });
  }
}
