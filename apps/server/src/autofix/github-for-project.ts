import type { Project } from '@fixloop/core';
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
