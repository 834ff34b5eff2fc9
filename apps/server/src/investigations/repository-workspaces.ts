import type { CodeSearch, GitWorkspace, Project, RepositorySettings } from '@fixloop/core';
import { createCodeSearch, GitCliWorkspace } from '@fixloop/git';

export interface ProjectRepository {
  settings: RepositorySettings;
  git: GitWorkspace;
  codeSearch: CodeSearch;
}

/**
 * One git workspace per connected project, created on first use and kept: the clone lives in the data
 * directory and is fetched before each investigation. Changing a project's repository settings gets a
 * new workspace.
 */
export class RepositoryWorkspaces {
  private readonly workspaces = new Map<number, { key: string; repository: ProjectRepository }>();
  private codeSearch: Promise<CodeSearch> | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly env: Readonly<Record<string, string | undefined>>,
  ) {}

  async forProject(project: Project): Promise<ProjectRepository | null> {
    const settings = project.settings.repository;
    if (settings === null) return null;
    const key = JSON.stringify(settings);
    const cached = this.workspaces.get(project.id);
    if (cached?.key === key) return cached.repository;
    const git = new GitCliWorkspace({ dataDir: this.dataDir, settings, env: this.env });
    this.codeSearch ??= createCodeSearch({});
    const repository = { settings, git, codeSearch: await this.codeSearch };
    this.workspaces.set(project.id, { key, repository });
    return repository;
  }
}
