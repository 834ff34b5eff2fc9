import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_RULES } from '../autofix/policy-rule.ts';
import { DEFAULT_AUTOFIX_SETTINGS, effectivePolicyRules, withAutofixDefaults } from './autofix-settings.ts';

describe('withAutofixDefaults', () => {
  it('fills every default for settings stored before the section existed', () => {
    expect(withAutofixDefaults(undefined)).toEqual(DEFAULT_AUTOFIX_SETTINGS);
  });

  it('keeps what was set and fills nested sections', () => {
    const settings = withAutofixDefaults({
      enabled: false,
      policy: { autoCommit: ['A', 'B'] } as never,
      github: { apiUrl: 'http://127.0.0.1:9/api', pullRequests: 'per_fix' } as never,
    });
    expect(settings.enabled).toBe(false);
    expect(settings.policy).toEqual({ rules: [], useDefaultRules: true, autoCommit: ['A', 'B'] });
    expect(settings.github).toEqual({
      apiUrl: 'http://127.0.0.1:9/api',
      pullRequests: 'per_fix',
      issuesForCritical: false,
      checkRuns: true,
    });
    expect(settings.maxLlmRounds).toBe(2);
  });
});

describe('effectivePolicyRules', () => {
  const own = { category: 'C' as const, reason: 'ledger', paths: ['src/ledger/**'] };

  it('adds the project rules to the seed rules, or uses them alone', () => {
    expect(effectivePolicyRules({ rules: [own], useDefaultRules: true, autoCommit: ['A'] })).toEqual([
      ...DEFAULT_POLICY_RULES,
      own,
    ]);
    expect(effectivePolicyRules({ rules: [own], useDefaultRules: false, autoCommit: ['A'] })).toEqual([own]);
  });
});
