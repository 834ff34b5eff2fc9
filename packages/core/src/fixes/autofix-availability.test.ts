import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_SETTINGS } from '../projects/project.ts';
import { autofixAvailability } from './autofix-availability.ts';

const on = { globalEnabled: true, projectEnabled: true };
const withRepo = { ...DEFAULT_PROJECT_SETTINGS, repository: { url: 'file:///srv/repo.git' } };

describe('autofixAvailability', () => {
  it('needs a repository, the setting and both switches', () => {
    expect(autofixAvailability({ settings: withRepo }, on)).toEqual({ available: true });
    expect(autofixAvailability({ settings: DEFAULT_PROJECT_SETTINGS }, on)).toEqual({
      available: false,
      reason: 'the project has no repository',
    });
    const disabled = { ...withRepo, autofix: { ...withRepo.autofix, enabled: false } };
    expect(autofixAvailability({ settings: disabled }, on).available).toBe(false);
    expect(autofixAvailability({ settings: withRepo }, { ...on, globalEnabled: false })).toEqual({
      available: false,
      reason: 'autofix is switched off globally',
    });
    expect(autofixAvailability({ settings: withRepo }, { ...on, projectEnabled: false }).available).toBe(
      false,
    );
  });
});
