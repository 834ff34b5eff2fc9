import type { FixActor, FixAttemptRecord } from '@fixloop/core';
import { describeFixActor } from '@fixloop/core';
import { AttemptTracker } from './attempt-tracker.ts';
import type { FixActionPorts } from './approve-fix-attempt.ts';
import { refused, type FixActionResult } from './fix-action-result.ts';

/** Rejects a fix awaiting approval (or left for review), with the reason, by a person or an agent. */
export async function rejectFixAttempt(
  attempt: FixAttemptRecord,
  actor: FixActor,
  reason: string,
  ports: Pick<FixActionPorts, 'journal' | 'switches' | 'clock'>,
): Promise<FixActionResult> {
  if (attempt.state !== 'awaiting_approval' && attempt.state !== 'needs_review') {
    return refused(
      'conflict',
      `the attempt is ${attempt.state}; only fixes awaiting approval or review can be rejected`,
    );
  }
  if (reason.trim() === '') return refused('conflict', 'a rejection needs a reason');
  const record = structuredClone(attempt);
  await new AttemptTracker(record, ports, actor).moveTo(
    'rejected',
    `rejected by ${describeFixActor(actor)}: ${reason.trim()}`,
  );
  return { ok: true, record };
}
