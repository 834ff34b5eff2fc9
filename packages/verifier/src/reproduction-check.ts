import type { CommandRun, ExpectedFailure } from '@fixloop/core';
import { stripAnsi } from './parse-test-results.ts';

export type ReproductionCheck = { reproduced: true } | { reproduced: false; reason: string };

/**
 * Whether a reproduction run failed with the captured error: it must fail (not time out, not pass), and
 * its output must show every fragment of the captured message. The generated assertions filter on the
 * error class where the language has a global one, so a different error type fails differently.
 */
export function checkReproduction(run: CommandRun, expected: ExpectedFailure): ReproductionCheck {
  if (run.timedOut) return { reproduced: false, reason: 'the reproduction test timed out on the base' };
  if (run.exitCode === 0) {
    return {
      reproduced: false,
      reason: 'the reproduction test passes on the base: the captured error does not happen',
    };
  }
  const output = stripAnsi(run.output).replace(/\\(['"`])/g, '$1');
  const missing = expected.fragments.filter((fragment) => !output.includes(fragment));
  if (missing.length === 0) return { reproduced: true };
  return {
    reproduced: false,
    reason: `the reproduction test fails on the base, but not with the captured ${expected.errorType} (missing ${missing.map((m) => JSON.stringify(m)).join(', ')})`,
  };
}
