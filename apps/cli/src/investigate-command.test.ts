import { describe, expect, it } from 'vitest';
import { parseInvestigateArgs } from './investigate-command.ts';

describe('parseInvestigateArgs', () => {
  it('takes an issue id or short id and the flags', () => {
    expect(parseInvestigateArgs(['42'])).toEqual({ issue: '42', dryRun: false, timeoutSeconds: 120 });
    expect(parseInvestigateArgs(['--dry-run', 'SHOP-12', '--timeout', '30'])).toEqual({
      issue: 'SHOP-12',
      dryRun: true,
      timeoutSeconds: 30,
    });
  });

  it('explains what is wrong', () => {
    expect(parseInvestigateArgs([])).toMatch(/^usage: fixloop investigate/);
    expect(parseInvestigateArgs(['1', '2'])).toMatch(/unexpected "2"/);
    expect(parseInvestigateArgs(['1', '--verbose'])).toMatch(/unexpected "--verbose"/);
    expect(parseInvestigateArgs(['1', '--timeout', 'soon'])).toBe(
      '--timeout must be a positive number of seconds',
    );
  });
});
