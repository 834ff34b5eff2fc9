import { describe, expect, it } from 'vitest';
import {
  DEFAULT_AUTOFIX_SETTINGS,
  DEFAULT_GITHUB_SETTINGS,
  DEFAULT_PROJECT_SETTINGS,
  type AutofixGithubApp,
  type Project,
} from '@fixloop/core';
import type { GithubAppTokens } from './github/github-app-tokens.ts';
import { repositoryTokenSource } from './github-for-project.ts';

const APP: AutofixGithubApp = { appId: 7, installationId: 9, privateKey: 'pem' };

/** Hands out a token naming the API and installation it was asked for. */
const appTokens = {
  installationToken: (apiUrl: string, app: AutofixGithubApp) =>
    Promise.resolve(`ghs_${app.installationId}@${apiUrl}`),
} as unknown as GithubAppTokens;

function project(
  url: string,
  github: { apiUrl?: string; app?: AutofixGithubApp } | null,
  token?: string,
): Project {
  return {
    id: 1,
    organizationId: 1,
    slug: 'shop',
    name: 'Shop',
    platform: null,
    createdAt: new Date(0),
    settings: {
      ...DEFAULT_PROJECT_SETTINGS,
      repository: { url, ...(token ? { token } : {}) },
      autofix: {
        ...DEFAULT_AUTOFIX_SETTINGS,
        github: github === null ? null : { ...DEFAULT_GITHUB_SETTINGS, ...github },
      },
    },
  };
}

describe('repositoryTokenSource', () => {
  it('gives an https remote on the App’s GitHub host a fresh installation token per call', async () => {
    const source = repositoryTokenSource(
      project('https://github.com/acme/shop.git', { app: APP }),
      appTokens,
    );
    expect(await source?.()).toBe('ghs_9@https://api.github.com');
    const enterprise = project('https://ghe.acme.test/acme/shop', { apiUrl: 'https://ghe.acme.test/api/v3', app: APP }); // prettier-ignore
    expect(await repositoryTokenSource(enterprise, appTokens)?.()).toBe('ghs_9@https://ghe.acme.test/api/v3');
  });

  it('sends the token nowhere else: other hosts, ssh, local paths', () => {
    for (const url of ['https://gitlab.com/acme/shop.git', 'https://github.com.evil.test/acme/shop.git', 'git@github.com:acme/shop.git', 'ssh://git@github.com/acme/shop.git', '/srv/git/shop.git']) {
      expect(repositoryTokenSource(project(url, { app: APP }), appTokens), url).toBeUndefined();
    } // prettier-ignore
  });

  it('leaves a configured token or URL password, and projects without an App, alone', () => {
    const url = 'https://github.com/acme/shop.git';
    expect(repositoryTokenSource(project(url, { app: APP }, 'ghp_explicit'), appTokens)).toBeUndefined();
    expect(repositoryTokenSource(project('https://x:ghp_pw@github.com/acme/shop.git', { app: APP }), appTokens)).toBeUndefined(); // prettier-ignore
    expect(repositoryTokenSource(project(url, {}), appTokens)).toBeUndefined();
    expect(repositoryTokenSource(project(url, null), appTokens)).toBeUndefined();
  });
});
