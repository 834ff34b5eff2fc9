import { withRepositoryDefaults, type Project } from '@fixloop/core';

/** The branch an attempt commits to: the project's fix branch, or `fix/issue-<id>` with a PR per fix. */
export function fixBranchName(project: Project, issueId: number): string {
  if (project.settings.autofix.github?.pullRequests === 'per_fix') return `fix/issue-${issueId}`;
  const repository = project.settings.repository;
  return repository === null ? 'fixloop' : withRepositoryDefaults(repository).fixBranch;
}
