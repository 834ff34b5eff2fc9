import type { CodeSearch, GitWorkspace, Project, RepositorySettings } from '@fixloop/core';
import { createCodeSearch, GitCliWorkspace, type TokenSource } from '@fixloop/git';

export interface ProjectRepository {
  settings: RepositorySettings;
  git: GitWorkspace;
  codeSearch: CodeSearch;
}

/**
 * One git workspace per connected project, created on first use and kept: the clone lives in the data
 * directory and is fetched before each investigation. Changing a project's repository settings gets a
 * new workspace. `tokenSourceFor` supplies short-lived https credentials (GitHub App installation
 * tokens); it is asked on every use, so investigations fetch with them too and changed settings apply.
 */
export class RepositoryWorkspaces {
  private readonly workspaces = new Map<number, { key: string; repository: ProjectRepository }>();
  private codeSearch: Promise<CodeSearch> | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly env: Readonly<Record<string, string | undefined>>,
    private readonly tokenSourceFor: (project: Project) => TokenSource | undefined = () => undefined,
  ) {}

  async forProject(project: Project): Promise<ProjectRepository | null> {
    const settings = project.settings.repository;
    if (settings === null) return null;
    const key = JSON.stringify(settings);
    const cached = this.workspaces.get(project.id);
    if (cached?.key === key) return this.withCredentials(project, cached.repository);
    const git = new GitCliWorkspace({ dataDir: this.dataDir, settings, env: this.env });
    this.codeSearch ??= createCodeSearch({});
    const repository = { settings, git, codeSearch: await this.codeSearch };
    this.workspaces.set(project.id, { key, repository });
    return this.withCredentials(project, repository);
  }

  private withCredentials(project: Project, repository: ProjectRepository): ProjectRepository {
    if (repository.git instanceof GitCliWorkspace)
      repository.git.useTokenSource(this.tokenSourceFor(project));
    return repository;
  }
}
