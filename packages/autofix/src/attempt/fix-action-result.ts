import type { FixAttemptRecord } from '@fixloop/core';

/**
 * The outcome of approve, reject and rollback. Refusals are expected outcomes, not exceptions: `conflict`
 * (wrong state), `forbidden` (this actor may not), `expired` (rollback window over), `stopped` (kill switch).
 */
export type FixActionResult =
  | { ok: true; record: FixAttemptRecord }
  | { ok: false; code: 'conflict' | 'forbidden' | 'expired' | 'stopped'; reason: string };

export function refused(
  code: 'conflict' | 'forbidden' | 'expired' | 'stopped',
  reason: string,
): FixActionResult {
  return { ok: false, code, reason };
}
