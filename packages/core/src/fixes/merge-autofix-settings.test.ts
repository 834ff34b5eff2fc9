import { describe, expect, it } from 'vitest';
import { DEFAULT_AUTOFIX_SETTINGS } from '../projects/autofix-settings.ts';
import { mergeAutofixSettings } from './merge-autofix-settings.ts';

describe('mergeAutofixSettings', () => {
  it('keeps what the patch leaves out and merges policy field by field', () => {
    const merged = mergeAutofixSettings(DEFAULT_AUTOFIX_SETTINGS, {
      maxLlmRounds: 4,
      policy: { autoCommit: ['A', 'B'] },
      triggerRules: [{ severity: 'annoying', action: 'attempt_fix', minEvents: 3, windowMinutes: 15 }],
    });
    expect(merged).toEqual({
      ...DEFAULT_AUTOFIX_SETTINGS,
      maxLlmRounds: 4,
      policy: { rules: [], useDefaultRules: true, autoCommit: ['A', 'B'] },
      triggerRules: [{ severity: 'annoying', action: 'attempt_fix', minEvents: 3, windowMinutes: 15 }],
    });
  });

  it('adds GitHub with its defaults, keeps the token when left out, removes it with null', () => {
    const withGithub = mergeAutofixSettings(DEFAULT_AUTOFIX_SETTINGS, {
      github: { token: 'ghp_secret', pullRequests: 'fix_branch' },
    });
    expect(withGithub.github).toEqual({
      apiUrl: 'https://api.github.com',
      token: 'ghp_secret',
      pullRequests: 'fix_branch',
      issuesForCritical: false,
      checkRuns: true,
    });
    const updated = mergeAutofixSettings(withGithub, { github: { checkRuns: false, token: undefined } });
    expect(updated.github).toMatchObject({
      token: 'ghp_secret',
      checkRuns: false,
      pullRequests: 'fix_branch',
    });
    expect(mergeAutofixSettings(updated, { github: null }).github).toBeNull();
  });
});
