import type { CommandRun, ExpectedFailure } from '@fixloop/core';
import { describe, expect, it } from 'vitest';
import { checkReproduction } from './reproduction-check.ts';

const failed = (output: string): CommandRun => ({
  command: 'node --test test/repro.test.js',
  exitCode: 1,
  timedOut: false,
  durationMs: 120,
  output,
  truncated: false,
});

const readingCode: ExpectedFailure = {
  errorType: 'TypeError',
  fragments: ['Cannot read properties of undefined (reading', 'code'],
};

describe('checkReproduction', () => {
  it('accepts the captured message on one line, whatever the quoting', () => {
    const vitest = "TypeError: Cannot read properties of undefined (reading 'code')";
    const nodeTest = "  error: 'Cannot read properties of undefined (reading \\'code\\')'";
    expect(checkReproduction(failed(`FAIL\n${vitest}\n    at x.js:3`), readingCode)).toEqual({
      reproduced: true,
    });
    expect(checkReproduction(failed(`not ok 1\n${nodeTest}\n`), readingCode)).toEqual({ reproduced: true });
  });

  it('rejects another message whose fragments occur apart in unrelated output', () => {
    // The base failed reading '0', and `code` only shows up in the assertion error's fields.
    const output = [
      "TypeError: Cannot read properties of undefined (reading '0')",
      "  code: 'ERR_ASSERTION'",
    ].join('\n');
    expect(checkReproduction(failed(output), readingCode)).toEqual({
      reproduced: false,
      reason:
        'the reproduction test fails on the base, but not with the captured TypeError (its message does not show them together on one line)',
    });
  });

  it('rejects fragments that appear on one line in another order', () => {
    const expected: ExpectedFailure = { errorType: 'Error', fragments: ['Order', 'not found for user'] };
    const output = 'Error: not found for user 7 in Order 12';
    expect(checkReproduction(failed(output), expected)).toMatchObject({ reproduced: false });
    expect(checkReproduction(failed('Error: Order 12 not found for user 7'), expected)).toEqual({
      reproduced: true,
    });
  });

  it('names the fragments that never appear', () => {
    expect(checkReproduction(failed('ReferenceError: formatTotl is not defined'), readingCode)).toEqual({
      reproduced: false,
      reason:
        'the reproduction test fails on the base, but not with the captured TypeError (missing "Cannot read properties of undefined (reading", "code")',
    });
  });

  it('never counts a passing or timed-out run', () => {
    const line = "TypeError: Cannot read properties of undefined (reading 'code')";
    expect(checkReproduction({ ...failed(line), exitCode: 0 }, readingCode)).toMatchObject({
      reproduced: false,
      reason: 'the reproduction test passes on the base: the captured error does not happen',
    });
    expect(checkReproduction({ ...failed(line), exitCode: null, timedOut: true }, readingCode)).toMatchObject(
      { reproduced: false, reason: 'the reproduction test timed out on the base' },
    );
  });
});
