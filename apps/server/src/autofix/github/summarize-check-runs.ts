import type { FixChecksState } from '@fixloop/core';

export interface CheckRunLike {
  name: string;
  status: string;
  conclusion: string | null;
}

export interface CheckRunsSummary {
  /** Null when the commit has no check runs at all (no CI on this branch). */
  state: FixChecksState | null;
  failed: string[];
  total: number;
}

const FAILING = ['failure', 'timed_out', 'cancelled', 'action_required', 'startup_failure'];

/** The commit's CI verdict: failed as soon as one run failed, passed when every run completed well. */
export function summarizeCheckRuns(runs: readonly CheckRunLike[]): CheckRunsSummary {
  const failed = runs
    .filter((r) => r.conclusion !== null && FAILING.includes(r.conclusion))
    .map((r) => r.name);
  if (runs.length === 0) return { state: null, failed, total: 0 };
  if (failed.length > 0) return { state: 'failure', failed, total: runs.length };
  const done = runs.every((r) => r.status === 'completed');
  return { state: done ? 'success' : 'pending', failed, total: runs.length };
}
