import type { Organization, Project, ProjectKey, ProjectSettings } from '../projects/project.ts';

export interface ProjectStore {
  createOrganization(input: { slug: string; name: string }): Promise<Organization>;
  getOrganizationBySlug(slug: string): Promise<Organization | null>;
  listOrganizations(): Promise<Organization[]>;
  getOrganization(id: number): Promise<Organization | null>;
  /** A taken slug is a `conflict` AppError. */
  updateOrganization(id: number, patch: { slug?: string; name?: string }): Promise<Organization | null>;

  createProject(input: {
    organizationId: number;
    slug: string;
    name: string;
    platform: string | null;
    settings: ProjectSettings;
  }): Promise<Project>;
  getProject(id: number): Promise<Project | null>;
  getProjectBySlug(organizationId: number, slug: string): Promise<Project | null>;
  listProjects(organizationId?: number): Promise<Project[]>;
  updateProject(
    id: number,
    patch: Partial<Pick<Project, 'name' | 'platform' | 'settings' | 'slug'>>,
  ): Promise<Project | null>;
  /** Deletes the project with its keys, issues, events and everything else it owns. */
  deleteProject(id: number): Promise<boolean>;

  createKey(input: { projectId: number; publicKey: string; label: string }): Promise<ProjectKey>;
  listKeys(projectId: number): Promise<ProjectKey[]>;
  /** The hot lookup of ingest auth; callers cache it. */
  findKey(publicKey: string): Promise<{ key: ProjectKey; project: Project } | null>;
  updateKey(id: number, patch: { label?: string; isActive?: boolean }): Promise<ProjectKey | null>;
  deleteKey(id: number): Promise<boolean>;
}
