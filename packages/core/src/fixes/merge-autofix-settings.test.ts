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

  it('merges a GitHub App field by field, keeps its private key when left out, removes it with null', () => {
    const withApp = mergeAutofixSettings(DEFAULT_AUTOFIX_SETTINGS, {
      github: { app: { appId: 1, installationId: 2, privateKey: 'PEM' } },
    });
    expect(withApp.github?.app).toEqual({ appId: 1, installationId: 2, privateKey: 'PEM' });
    const moved = mergeAutofixSettings(withApp, { github: { app: { installationId: 3 }, checkRuns: false } });
    expect(moved.github).toMatchObject({ app: { appId: 1, installationId: 3, privateKey: 'PEM' }, checkRuns: false }); // prettier-ignore
    expect(mergeAutofixSettings(moved, { github: { pullRequests: 'per_fix' } }).github?.app).toEqual(moved.github?.app); // prettier-ignore
    expect(mergeAutofixSettings(moved, { github: { app: null } }).github).not.toHaveProperty('app');
    expect(() =>
      mergeAutofixSettings(DEFAULT_AUTOFIX_SETTINGS, { github: { app: { appId: 1, installationId: 2 } } }),
    ).toThrow(
      // prettier-ignore
      'github.app.privateKey: required for a GitHub App',
    );
  });
});
