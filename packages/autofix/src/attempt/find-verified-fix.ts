import type {
  FixCandidate,
  ReproductionTest,
  TriedFix,
  VerificationRequest,
  VerificationVerdict,
} from '@fixloop/core';
import type { FixContext, Fixer } from '../fixers/fixer.ts';
import type { AttemptTracker } from './attempt-tracker.ts';
import type { AutofixPorts } from './autofix-ports.ts';

export interface VerifiedFix {
  candidate: FixCandidate;
  reproduction: ReproductionTest;
  verdict: VerificationVerdict;
}

export interface FixSearch {
  verified: VerifiedFix | null;
  /** The failed candidate that got furthest in verification, for review. */
  best: VerifiedFix | null;
  stopped: boolean;
}

/** How far a failed verification got: later failures make better review candidates. */
const PROGRESS = [
  'error',
  'install_failed',
  'no_reproduction',
  'patch_does_not_apply',
  'fix_failed',
  'suite_regressed',
];

type Base = Omit<VerificationRequest, 'fix' | 'reproduction'>;

/**
 * Tries fixers in order (`rounds` gives the LLM fixer several turns, each fed the previous failure)
 * until one candidate is verified. Every proposal and every verification is a step: the kill switch is
 * asked before each, and the attempt moves generating ⇄ verifying.
 */
export async function findVerifiedFix(
  tracker: AttemptTracker,
  ports: Pick<AutofixPorts, 'verifier'>,
  context: FixContext,
  turns: ReadonlyArray<{ fixer: Fixer; rounds: number }>,
  base: Base,
): Promise<FixSearch> {
  const search: FixSearch = { verified: null, best: null, stopped: false };
  for (const { fixer, rounds } of turns) {
    let previousFailure: string | undefined;
    for (let round = 1; round <= rounds; round++) {
      const roundContext = previousFailure ? { ...context, previousFailure } : context;
      const turn = await tryFixer(tracker, ports, fixer, roundContext, base);
      if (turn.kind === 'stopped') return { ...search, stopped: true };
      if (turn.kind === 'not_applicable') break;
      if (turn.kind === 'no_proposal') {
        previousFailure = `your answer could not be used: ${turn.reason}`;
        continue;
      }
      if (turn.fix.verdict.verified) return { ...search, verified: turn.fix };
      search.best = better(search.best, turn.fix);
      previousFailure = failureReport(turn.fix.verdict);
      await tracker.moveTo('generating', `${fixer.name} failed verification: ${turn.fix.verdict.reason}`);
    }
  }
  return search;
}

type Turn =
  | { kind: 'stopped' }
  | { kind: 'not_applicable' }
  | { kind: 'no_proposal'; reason: string }
  | { kind: 'verified'; fix: VerifiedFix };

/** One proposal and its verification, each after asking the kill switch; every outcome is recorded. */
async function tryFixer(
  tracker: AttemptTracker,
  ports: Pick<AutofixPorts, 'verifier'>,
  fixer: Fixer,
  context: FixContext,
  base: Base,
): Promise<Turn> {
  const tried = (summary: string | null, outcome: TriedFix['outcome'], reason: string): void => {
    tracker.record.tried.push({ fixer: fixer.name, summary, outcome, reason });
  };
  if (!(await tracker.allowed(`proposing a fix (${fixer.name})`))) return { kind: 'stopped' };
  if (!fixer.canFix(context)) {
    tried(null, 'not_applicable', 'does not handle this error');
    return { kind: 'not_applicable' };
  }
  const proposed = await fixer.propose(context);
  if (!proposed.ok) {
    tried(null, 'no_proposal', proposed.reason);
    return { kind: 'no_proposal', reason: proposed.reason };
  }
  const reproduction = context.reproduction as ReproductionTest;
  const test = proposed.improvedTest ? { ...reproduction, content: proposed.improvedTest } : reproduction;
  await tracker.moveTo('verifying', `verifying ${fixer.name}: ${proposed.candidate.summary}`);
  if (!(await tracker.allowed('verification'))) return { kind: 'stopped' };
  const verdict = await ports.verifier.verify({ ...base, reproduction: test, fix: proposed.candidate.patch });
  tried(proposed.candidate.summary, verdict.outcome, verdict.reason);
  return { kind: 'verified', fix: { candidate: proposed.candidate, reproduction: test, verdict } };
}

function better(current: VerifiedFix | null, next: VerifiedFix): VerifiedFix {
  if (!current) return next;
  const progress = (fix: VerifiedFix): number => PROGRESS.indexOf(fix.verdict.outcome);
  if (progress(next) !== progress(current)) return progress(next) > progress(current) ? next : current;
  return next.candidate.confidence > current.candidate.confidence ? next : current;
}

/** What the next LLM round is told: the verdict and the log of the step that failed. */
export function failureReport(verdict: VerificationVerdict): string {
  const failed = [...verdict.steps].reverse().find((step) => !step.ok);
  const log = failed ? `\nOutput of \`${failed.command ?? failed.name}\`:\n${failed.log.slice(-4000)}` : '';
  return `${verdict.outcome}: ${verdict.reason}${log}`;
}
