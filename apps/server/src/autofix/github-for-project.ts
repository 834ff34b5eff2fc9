import type { Project } from '@fixloop/core';
import { GithubClient } from './github/github-client.ts';
import { githubRepositoryName } from './github/github-repository-name.ts';

/** The project's GitHub client, or null when GitHub is not configured or has no token or repository name. */
export function githubForProject(project: Project): GithubClient | null {
  const github = project.settings.autofix.github;
  const repository = project.settings.repository;
  if (github === null || repository === null) return null;
  const token = github.token ?? repository.token;
  const name = githubRepositoryName(github.repository, repository.url);
  if (!token || name === null) return null;
  return new GithubClient({ apiUrl: github.apiUrl, token, repository: name });
}
