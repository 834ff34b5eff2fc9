import { describe, expect, it } from 'vitest';
import { withRepositoryDefaults } from './repository-settings.ts';

describe('withRepositoryDefaults', () => {
  it('fills the documented defaults and keeps what was set', () => {
    const settings = withRepositoryDefaults({ url: 'file:///srv/repo.git', root: './services/shop/' });
    expect(settings).toMatchObject({
      url: 'file:///srv/repo.git',
      fixBranch: 'fixloop',
      testCommand: 'npm test',
      runbooksDir: 'runbooks',
      codeMappings: [],
      protectedBranches: [],
      root: 'services/shop',
    });
    expect(settings.baseBranch).toBeUndefined();
  });

  it('keeps configured values', () => {
    const settings = withRepositoryDefaults({
      url: '/srv/repo',
      fixBranch: 'bot/fixes',
      testCommand: 'pytest',
      runbooksDir: 'docs/runbooks/',
      baseBranch: 'develop',
    });
    expect(settings).toMatchObject({
      fixBranch: 'bot/fixes',
      testCommand: 'pytest',
      runbooksDir: 'docs/runbooks',
    });
    expect(settings.baseBranch).toBe('develop');
  });
});
