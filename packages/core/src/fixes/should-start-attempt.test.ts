import { describe, expect, it } from 'vitest';
import { shouldStartAutoAttempt } from './should-start-attempt.ts';

describe('shouldStartAutoAttempt', () => {
  it('starts the first attempt of an issue', () => {
    expect(shouldStartAutoAttempt('issue.created', [])).toBe(true);
    expect(shouldStartAutoAttempt('event_threshold', [])).toBe(true);
  });

  it('never starts a second automatic attempt for a new issue or a threshold', () => {
    expect(shouldStartAutoAttempt('event_threshold', [{ state: 'failed' }])).toBe(false);
    expect(shouldStartAutoAttempt('issue.created', [{ state: 'rejected' }])).toBe(false);
  });

  it('starts again on a regression once earlier attempts are closed', () => {
    expect(shouldStartAutoAttempt('issue.regressed', [{ state: 'rolled_back' }, { state: 'failed' }])).toBe(
      true,
    );
    expect(shouldStartAutoAttempt('issue.regressed', [{ state: 'awaiting_approval' }])).toBe(false);
    expect(shouldStartAutoAttempt('issue.regressed', [{ state: 'committed' }])).toBe(false);
  });
});
