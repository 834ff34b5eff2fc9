import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_SETTINGS } from '../projects/project.ts';
import { redactProjectSettings } from './redact-project-settings.ts';

describe('redactProjectSettings', () => {
  it('drops the repository token and says whether there is one', () => {
    const settings = {
      ...DEFAULT_PROJECT_SETTINGS,
      repository: { url: 'https://git.example.com/a.git', token: 'ghp_secret' },
    };
    const redacted = redactProjectSettings(settings);
    expect(redacted.repository).toEqual({ url: 'https://git.example.com/a.git', hasToken: true });
    expect(JSON.stringify(redacted)).not.toContain('ghp_secret');
    expect(redactProjectSettings(DEFAULT_PROJECT_SETTINGS).repository).toBeNull();
  });
});
