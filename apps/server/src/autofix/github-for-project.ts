import type { Project } from '@fixloop/core';
import { splitUrlCredentials, type TokenSource } from '@fixloop/git';
import type { GithubAppTokens } from './github/github-app-tokens.ts';
import { GithubClient } from './github/github-client.ts';
import { githubRepositoryName } from './github/github-repository-name.ts';

/**
 * The project's GitHub client, or null when GitHub is not configured or has neither an App nor a token, or
 * no repository name. A configured App wins over a token.
 */
export function githubForProject(project: Project, appTokens: GithubAppTokens): GithubClient | null {
  const github = project.settings.autofix.github;
  const repository = project.settings.repository;
  if (github === null || repository === null) return null;
  const name = githubRepositoryName(github.repository, repository.url);
  if (name === null) return null;
  const { app, apiUrl } = github;
  if (app !== undefined) {
    return new GithubClient({ apiUrl, repository: name, token: () => appTokens.installationToken(apiUrl, app) }); // prettier-ignore
  }
  const token = github.token ?? repository.token;
  if (!token) return null;
  return new GithubClient({ apiUrl, token, repository: name });
}

/**
 * Where the project's git commands get their https credentials when it authenticates to GitHub as an App
 * and names no token: a fresh installation token (`x-access-token:<token>`, as GitHub wants it) per fetch
 * or push. Only for a remote on the GitHub host the App belongs to (github.com for api.github.com, the
 * Enterprise host itself), so the token is never sent to another server.
 */
export function repositoryTokenSource(project: Project, appTokens: GithubAppTokens): TokenSource | undefined {
  const github = project.settings.autofix.github;
  const repository = project.settings.repository;
  if (github?.app === undefined || repository === null || repository.token) return undefined;
  const { app, apiUrl } = github;
  const remote = splitUrlCredentials(repository.url);
  if (remote.password !== undefined || !sameGithubHost(remote.url, apiUrl)) return undefined;
  return () => appTokens.installationToken(apiUrl, app);
}

function sameGithubHost(remoteUrl: string, apiUrl: string): boolean {
  if (!/^https?:\/\//i.test(remoteUrl)) return false;
  const remoteHost = hostname(remoteUrl);
  const apiHost = hostname(apiUrl);
  return remoteHost !== null && (apiHost === remoteHost || apiHost === `api.${remoteHost}`);
}

function hostname(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}
