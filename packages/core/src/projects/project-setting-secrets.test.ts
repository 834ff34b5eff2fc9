import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_SETTINGS } from './project.ts';
import type { ProjectSettings } from './project.ts';
import { mapProjectSettingSecrets } from './project-setting-secrets.ts';

const upper = (value: string) => `SEALED(${value})`;

describe('mapProjectSettingSecrets', () => {
  it('transforms the repository token, the GitHub token and the App private key, nothing else', () => {
    const settings: ProjectSettings = {
      ...DEFAULT_PROJECT_SETTINGS,
      repository: {
        url: 'https://git.example.com/shop.git',
        token: 'repo-token',
      } as ProjectSettings['repository'],
      autofix: {
        ...DEFAULT_PROJECT_SETTINGS.autofix,
        github: {
          apiUrl: 'https://api.github.com',
          token: 'gh-token',
          app: { appId: 1, installationId: 2, privateKey: 'pem' },
        } as NonNullable<ProjectSettings['autofix']['github']>,
      },
    };
    const sealed = mapProjectSettingSecrets(settings, upper);
    expect(sealed.repository?.token).toBe('SEALED(repo-token)');
    expect(sealed.repository?.url).toBe('https://git.example.com/shop.git');
    expect(sealed.autofix.github?.token).toBe('SEALED(gh-token)');
    expect(sealed.autofix.github?.app).toEqual({ appId: 1, installationId: 2, privateKey: 'SEALED(pem)' });
    expect(sealed.autofix.github?.apiUrl).toBe('https://api.github.com');
    expect(settings.repository?.token).toBe('repo-token'); // the input is not mutated
  });

  it('returns settings without secrets unchanged', () => {
    expect(mapProjectSettingSecrets(DEFAULT_PROJECT_SETTINGS, upper)).toBe(DEFAULT_PROJECT_SETTINGS);
  });
});
