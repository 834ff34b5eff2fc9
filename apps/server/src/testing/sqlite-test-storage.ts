import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PROJECT_SETTINGS } from '@fixloop/core';
import type { Storage } from '@fixloop/core';
import { createSqliteStorage } from '@fixloop/storage-sqlite';

/** A migrated SQLite database in a fresh temp folder, holding one organization and one project. */
export async function openSqliteTestStorage(
  prefix: string,
): Promise<{ storage: Storage; projectId: number }> {
  const storage = await createSqliteStorage({
    filename: join(mkdtempSync(join(tmpdir(), prefix)), 'db.sqlite'),
  });
  await storage.migrate();
  const organization = await storage.projects.createOrganization({ slug: 'acme', name: 'Acme' });
  const project = await storage.projects.createProject({
    organizationId: organization.id,
    slug: 'shop',
    name: 'Shop',
    platform: 'node',
    settings: DEFAULT_PROJECT_SETTINGS,
  });
  return { storage, projectId: project.id };
}
