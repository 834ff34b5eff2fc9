import type { FixCandidate, ReproductionTest, VerificationVerdict } from '@fixloop/core';

/**
 * The fix commit's message: a subject naming the issue, then the captured error, the root cause, the fix
 * and how it was verified, and trailers the dashboard and the rollback use to find the commit.
 */
export function commitMessage(input: {
  issue: { id: number; shortId?: string | null; title: string };
  attemptId: number;
  candidate: FixCandidate;
  reproduction: ReproductionTest;
  verdict: VerificationVerdict;
  baseSha: string;
  testCommand: string;
}): string {
  const label = input.issue.shortId ?? `#${input.issue.id}`;
  const { candidate, reproduction, verdict } = input;
  const subject = `fix: ${candidate.summary} (${label})`.slice(0, 100);
  const suite = verdict.steps.find((s) => s.name === 'suite_on_fix');
  return [
    subject,
    '',
    `Fixes ${label}: ${input.issue.title}`,
    '',
    `Root cause: ${candidate.rootCause}`,
    '',
    `Fix: ${candidate.fixer}, policy category ${candidate.category}, confidence ${candidate.confidence.toFixed(2)}.`,
    `Test: ${reproduction.path} (${reproduction.description})`,
    '',
    `Verified in a fresh worktree of ${input.baseSha.slice(0, 12)}:`,
    `- the reproduction test fails on the base with the captured ${reproduction.expectedFailure.errorType}`,
    '- it passes with the fix',
    `- \`${input.testCommand}\`: ${suite?.ok ? 'passes' : verdict.reason}`,
    '',
    `Fixloop-Issue: ${input.issue.id}`,
    `Fixloop-Attempt: ${input.attemptId}`,
    '',
  ].join('\n');
}
