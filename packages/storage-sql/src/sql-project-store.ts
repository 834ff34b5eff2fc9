import type { Kysely, Updateable } from 'kysely';
import { mapProjectSettingSecrets } from '@fixloop/core';
import type { Project, ProjectSettings, ProjectStore, SecretSealer } from '@fixloop/core';
import type { Database, OrganizationsTable, ProjectKeysTable, ProjectsTable } from './database.ts';
import { toOrganization, toProject, toProjectKey } from './row-mapping.ts';
import { insertOrConflict } from './unique-violation.ts';

/**
 * Projects and keys. With a sealer, the secrets in project settings (repository and GitHub tokens, the
 * GitHub App key) are encrypted in the database and decrypted on read; values stored before a sealer was
 * configured are read as they are and sealed on their next write.
 */
export function createSqlProjectStore(db: Kysely<Database>, sealer?: SecretSealer): ProjectStore {
  const encode = (settings: ProjectSettings) =>
    JSON.stringify(
      sealer === undefined
        ? settings
        : mapProjectSettingSecrets(settings, (v) => (sealer.isSealed(v) ? v : sealer.seal(v))),
    );
  const toOpenProject = (row: Parameters<typeof toProject>[0]): Project => {
    const project = toProject(row);
    if (sealer === undefined) return project;
    const settings = mapProjectSettingSecrets(project.settings, (v) =>
      sealer.isSealed(v) ? sealer.open(v) : v,
    );
    return settings === project.settings ? project : { ...project, settings };
  };
  return {
    async createOrganization({ slug, name }) {
      const row = await insertOrConflict(`organization "${slug}"`, () =>
        db
          .insertInto('organizations')
          .values({ slug, name, created_at: Date.now() })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return toOrganization(row);
    },
    async getOrganizationBySlug(slug) {
      const row = await db
        .selectFrom('organizations')
        .selectAll()
        .where('slug', '=', slug)
        .executeTakeFirst();
      return row === undefined ? null : toOrganization(row);
    },
    async listOrganizations() {
      const rows = await db.selectFrom('organizations').selectAll().orderBy('id').execute();
      return rows.map(toOrganization);
    },
    async getOrganization(id) {
      const row = await db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? null : toOrganization(row);
    },
    async updateOrganization(id, patch) {
      const values: Updateable<OrganizationsTable> = {};
      if (patch.name !== undefined) values.name = patch.name;
      if (patch.slug !== undefined) values.slug = patch.slug;
      if (Object.keys(values).length > 0) {
        await insertOrConflict(`organization "${patch.slug ?? ''}"`, () =>
          db.updateTable('organizations').set(values).where('id', '=', id).execute(),
        );
      }
      return this.getOrganization(id);
    },
    async createProject(input) {
      const row = await insertOrConflict(`project "${input.slug}"`, () =>
        db
          .insertInto('projects')
          .values({
            organization_id: input.organizationId,
            slug: input.slug,
            name: input.name,
            platform: input.platform,
            settings: encode(input.settings),
            next_short_id: 1,
            created_at: Date.now(),
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return toOpenProject(row);
    },
    async getProject(id) {
      const row = await db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? null : toOpenProject(row);
    },
    async getProjectBySlug(organizationId, slug) {
      const row = await db
        .selectFrom('projects')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('slug', '=', slug)
        .executeTakeFirst();
      return row === undefined ? null : toOpenProject(row);
    },
    async listProjects(organizationId) {
      let query = db.selectFrom('projects').selectAll().orderBy('id');
      if (organizationId !== undefined) query = query.where('organization_id', '=', organizationId);
      return (await query.execute()).map(toOpenProject);
    },
    async updateProject(id, patch) {
      const values: Updateable<ProjectsTable> = {};
      if (patch.name !== undefined) values.name = patch.name;
      if (patch.platform !== undefined) values.platform = patch.platform;
      if (patch.settings !== undefined) values.settings = encode(patch.settings);
      if (patch.slug !== undefined) values.slug = patch.slug;
      if (Object.keys(values).length > 0) {
        await insertOrConflict(`project "${patch.slug ?? ''}"`, () =>
          db.updateTable('projects').set(values).where('id', '=', id).execute(),
        );
      }
      return this.getProject(id) as Promise<Project | null>;
    },
    async deleteProject(id) {
      const result = await db.deleteFrom('projects').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async createKey({ projectId, publicKey, label }) {
      const row = await insertOrConflict('project key', () =>
        db
          .insertInto('project_keys')
          .values({
            project_id: projectId,
            public_key: publicKey,
            label,
            is_active: 1,
            created_at: Date.now(),
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return toProjectKey(row);
    },
    async listKeys(projectId) {
      const rows = await db
        .selectFrom('project_keys')
        .selectAll()
        .where('project_id', '=', projectId)
        .orderBy('id')
        .execute();
      return rows.map(toProjectKey);
    },
    async findKey(publicKey) {
      const key = await db
        .selectFrom('project_keys')
        .selectAll()
        .where('public_key', '=', publicKey)
        .executeTakeFirst();
      if (key === undefined) return null;
      const project = await db
        .selectFrom('projects')
        .selectAll()
        .where('id', '=', key.project_id)
        .executeTakeFirst();
      return project === undefined ? null : { key: toProjectKey(key), project: toOpenProject(project) };
    },
    async updateKey(id, patch) {
      const values: Updateable<ProjectKeysTable> = {};
      if (patch.label !== undefined) values.label = patch.label;
      if (patch.isActive !== undefined) values.is_active = patch.isActive ? 1 : 0;
      if (Object.keys(values).length > 0) {
        await db.updateTable('project_keys').set(values).where('id', '=', id).execute();
      }
      const row = await db.selectFrom('project_keys').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? null : toProjectKey(row);
    },
    async deleteKey(id) {
      const result = await db.deleteFrom('project_keys').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
