import { describe, expect, it } from 'vitest';
import { DEFAULT_AUTOFIX_SETTINGS, DEFAULT_GITHUB_SETTINGS } from '../projects/autofix-settings.ts';
import { redactAutofixSettings } from './redact-autofix-settings.ts';

describe('redactAutofixSettings', () => {
  it('replaces the GitHub token by hasToken', () => {
    const redacted = redactAutofixSettings({
      ...DEFAULT_AUTOFIX_SETTINGS,
      github: { ...DEFAULT_GITHUB_SETTINGS, token: 'ghp_secret' },
    });
    expect(JSON.stringify(redacted)).not.toContain('ghp_secret');
    expect(redacted.github).toMatchObject({ hasToken: true, pullRequests: 'off' });
    expect(redactAutofixSettings(DEFAULT_AUTOFIX_SETTINGS).github).toBeNull();
  });

  it('replaces the GitHub App private key by hasPrivateKey', () => {
    const redacted = redactAutofixSettings({
      ...DEFAULT_AUTOFIX_SETTINGS,
      github: { ...DEFAULT_GITHUB_SETTINGS, app: { appId: 7, installationId: 8, privateKey: '-----BEGIN PRIVATE KEY-----x' } }, // prettier-ignore
    });
    expect(JSON.stringify(redacted)).not.toContain('PRIVATE KEY');
    expect(redacted.github).toMatchObject({ hasToken: false, app: { appId: 7, installationId: 8, hasPrivateKey: true } }); // prettier-ignore
  });
});
