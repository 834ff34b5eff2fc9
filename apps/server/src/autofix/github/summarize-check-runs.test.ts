import { describe, expect, it } from 'vitest';
import { summarizeCheckRuns } from './summarize-check-runs.ts';

const run = (name: string, status: string, conclusion: string | null) => ({ name, status, conclusion });

describe('summarizeCheckRuns', () => {
  it('passes when every run completed without failing', () => {
    expect(
      summarizeCheckRuns([run('test', 'completed', 'success'), run('lint', 'completed', 'skipped')]),
    ).toEqual({
      state: 'success',
      failed: [],
      total: 2,
    });
  });

  it('fails as soon as one run failed, even while others run', () => {
    expect(
      summarizeCheckRuns([run('test', 'completed', 'failure'), run('e2e', 'in_progress', null)]),
    ).toEqual({
      state: 'failure',
      failed: ['test'],
      total: 2,
    });
  });

  it('waits for running checks and knows commits without CI', () => {
    expect(summarizeCheckRuns([run('test', 'queued', null)]).state).toBe('pending');
    expect(summarizeCheckRuns([]).state).toBeNull();
  });
});
