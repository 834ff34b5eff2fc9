import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_SETTINGS } from '../projects/project.ts';
import { mergeProjectSettings } from './merge-project-settings.ts';

describe('mergeProjectSettings', () => {
  it('keeps what the patch leaves out and merges scrubbing and investigation field by field', () => {
    const current = { ...DEFAULT_PROJECT_SETTINGS, rateLimit: { count: 10, windowSeconds: 60 } };
    expect(
      mergeProjectSettings(current, {
        scrubbing: { extraFields: ['ssn'] },
        investigation: { auto: false },
        eventRetentionDays: 30,
      }),
    ).toEqual({
      ...current,
      scrubbing: { ...DEFAULT_PROJECT_SETTINGS.scrubbing, extraFields: ['ssn'] },
      investigation: { ...DEFAULT_PROJECT_SETTINGS.investigation, auto: false },
      eventRetentionDays: 30,
    });
  });

  it('removes the rate limit on null', () => {
    const current = { ...DEFAULT_PROJECT_SETTINGS, rateLimit: { count: 10, windowSeconds: 60 } };
    expect(mergeProjectSettings(current, { rateLimit: null }).rateLimit).toBeNull();
    expect(mergeProjectSettings(current, {}).rateLimit).toEqual({ count: 10, windowSeconds: 60 });
  });

  it('replaces the repository but keeps its write-only token unless told otherwise', () => {
    const current = {
      ...DEFAULT_PROJECT_SETTINGS,
      repository: { url: 'https://a.example/x.git', token: 't0k', testCommand: 'npm test' },
    };
    expect(
      mergeProjectSettings(current, { repository: { url: 'https://b.example/y.git' } }).repository,
    ).toEqual({
      url: 'https://b.example/y.git',
      token: 't0k',
    });
    expect(
      mergeProjectSettings(current, { repository: { url: 'https://a.example/x.git', token: null } })
        .repository,
    ).toEqual({ url: 'https://a.example/x.git' });
    expect(
      mergeProjectSettings(current, { repository: { url: 'https://a.example/x.git', token: 'new' } })
        .repository?.token,
    ).toBe('new');
    expect(mergeProjectSettings(current, { repository: null }).repository).toBeNull();
  });
});
