import type { CommandRun, ExpectedFailure } from '@fixloop/core';
import { stripAnsi } from './parse-test-results.ts';

export type ReproductionCheck = { reproduced: true } | { reproduced: false; reason: string };

/**
 * Whether a reproduction run failed with the captured error: it must fail (not time out, not pass), and
 * one line of its output must show the fragments of the captured message in order. One line, in order:
 * short fragments such as `code` or `name` also occur in unrelated output (`code: 'ERR_ASSERTION'`), so
 * finding each one somewhere proves nothing. The generated assertions filter on the error class where
 * the language has a global one, so a different error type fails differently.
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
  const lines = output.split('\n');
  if (lines.some((line) => inOrder(line, expected.fragments))) return { reproduced: true };
  const missing = expected.fragments.filter((fragment) => !output.includes(fragment));
  const why =
    missing.length > 0
      ? `missing ${missing.map((m) => JSON.stringify(m)).join(', ')}`
      : 'its message does not show them together on one line';
  return {
    reproduced: false,
    reason: `the reproduction test fails on the base, but not with the captured ${expected.errorType} (${why})`,
  };
}

function inOrder(line: string, fragments: readonly string[]): boolean {
  let from = 0;
  for (const fragment of fragments) {
    const at = line.indexOf(fragment, from);
    if (at === -1) return false;
    from = at + fragment.length;
  }
  return true;
}
