import type { VerificationVerdict } from '../ports/fix-verifier.ts';

export interface VerificationSummary {
  /** The reproduction test failed on the base with the captured error. */
  reproducedBefore: boolean;
  /** It passed with the fix. */
  passedAfter: boolean;
  /** The whole test command passed, or failed no test that passed on the base. */
  suiteOk: boolean;
  /** Every step's command, exit code and output, in order. */
  log: string;
}

/** The verdict as the API, dashboard and CLI show it. */
export function summarizeVerification(verdict: VerificationVerdict | null): VerificationSummary {
  if (verdict === null) return { reproducedBefore: false, passedAfter: false, suiteOk: false, log: '' };
  const step = (name: string) => verdict.steps.find((s) => s.name === name);
  const log = verdict.steps
    .map((s) => {
      const exit = s.timedOut ? 'timed out' : `exit ${s.exitCode ?? '-'}`;
      const head = `== ${s.name}${s.command ? `: ${s.command}` : ''} (${exit}, ${s.durationMs} ms, ${s.ok ? 'ok' : 'not ok'})`;
      return `${head}\n${s.log.trimEnd()}`;
    })
    .join('\n\n');
  return {
    reproducedBefore: step('reproduce_on_base')?.ok ?? false,
    passedAfter: step('reproduce_on_fix')?.ok ?? false,
    suiteOk: verdict.verified,
    log: `${log}${log ? '\n\n' : ''}== verdict: ${verdict.outcome}: ${verdict.reason}`,
  };
}
