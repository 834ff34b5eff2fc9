import { describe, expect, it } from 'vitest';
import type { VerificationStep } from '../ports/fix-verifier.ts';
import { summarizeVerification } from './verification-summary.ts';

const step = (name: VerificationStep['name'], ok: boolean, log: string): VerificationStep => ({
  name,
  command: name === 'apply_fix' ? null : `run ${name}`,
  exitCode: ok ? 0 : 1,
  timedOut: false,
  durationMs: 12,
  ok,
  log,
});

describe('summarizeVerification', () => {
  it('reads the reproduction steps and concatenates the logs', () => {
    const summary = summarizeVerification({
      outcome: 'verified',
      verified: true,
      reason: 'all good',
      regressions: [],
      steps: [
        step('reproduce_on_base', true, 'TypeError: x'),
        step('reproduce_on_fix', true, 'ok 1'),
        step('suite_on_fix', true, 'ok'),
      ],
    });
    expect(summary).toMatchObject({ reproducedBefore: true, passedAfter: true, suiteOk: true });
    expect(summary.log).toContain(
      '== reproduce_on_base: run reproduce_on_base (exit 0, 12 ms, ok)\nTypeError: x',
    );
    expect(summary.log.endsWith('== verdict: verified: all good')).toBe(true);
  });

  it('reports a fix that does not pass', () => {
    const summary = summarizeVerification({
      outcome: 'fix_failed',
      verified: false,
      reason: 'still fails',
      regressions: [],
      steps: [step('reproduce_on_base', true, ''), step('reproduce_on_fix', false, 'not ok')],
    });
    expect(summary).toMatchObject({ reproducedBefore: true, passedAfter: false, suiteOk: false });
    expect(summarizeVerification(null)).toEqual({
      reproducedBefore: false,
      passedAfter: false,
      suiteOk: false,
      log: '',
    });
  });
});
