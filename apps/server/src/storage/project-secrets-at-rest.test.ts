import Database from 'better-sqlite3';
import pg from 'pg';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFixloop, TEST_BACKENDS } from '../testing/test-fixloop.ts';
import type { TestBackend, TestFixloop } from '../testing/test-fixloop.ts';

const REPO_TOKEN = 'repo-token-3f9a1c7e55';
const GITHUB_TOKEN = 'ghp_secret_81d2b0aa77';
const CONFIG = {
  organizations: [
    {
      slug: 'acme',
      name: 'Acme',
      projects: [
        {
          slug: 'shop',
          name: 'Shop',
          repository: { url: 'https://git.example.com/acme/shop.git', token: REPO_TOKEN },
          autofix: { github: { token: GITHUB_TOKEN } },
        },
      ],
    },
  ],
};

/** The settings column of project `shop`, as it is in the database. */
async function rawSettings(t: TestFixloop, backend: TestBackend): Promise<string> {
  const { database } = t.config;
  if (backend === 'sqlite' && database.dialect === 'sqlite') {
    const db = new Database(database.filename, { readonly: true });
    try {
      return (db.prepare("SELECT settings FROM projects WHERE slug = 'shop'").get() as { settings: string })
        .settings;
    } finally {
      db.close();
    }
  }
  if (database.dialect !== 'postgres') throw new Error('unexpected dialect');
  const client = new pg.Client({ connectionString: database.connectionString });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT settings FROM ${database.schema}.projects WHERE slug = 'shop'`,
    );
    const value = (rows[0] as { settings: unknown }).settings;
    return typeof value === 'string' ? value : JSON.stringify(value);
  } finally {
    await client.end();
  }
}

describe.each(TEST_BACKENDS)('project secrets at rest (%s)', (backend) => {
  let t: TestFixloop;
  beforeAll(async () => {
    t = await startTestFixloop({ backend, configFile: CONFIG });
  });
  afterAll(() => t.stop());

  const shop = async () => {
    const organization = await t.fixloop.storage.projects.getOrganizationBySlug('acme');
    return (await t.fixloop.storage.projects.getProjectBySlug(organization!.id, 'shop'))!;
  };

  it('stores the repository and GitHub tokens encrypted, and reads them back in plaintext', async () => {
    const raw = await rawSettings(t, backend);
    expect(raw).not.toContain(REPO_TOKEN);
    expect(raw).not.toContain(GITHUB_TOKEN);
    expect(raw).toContain('git.example.com/acme/shop.git'); // only the secrets are sealed
    expect(raw.match(/"v1:[A-Za-z0-9_-]+"/g)).toHaveLength(2);
    const project = await shop();
    expect(project.settings.repository?.token).toBe(REPO_TOKEN);
    expect(project.settings.autofix.github?.token).toBe(GITHUB_TOKEN);
  });

  it('reads a token stored before encryption as it is, and seals it on the next write', async () => {
    const project = await shop();
    const plain = {
      ...project.settings,
      repository: { ...project.settings.repository!, token: 'legacy-token' },
    };
    // What a database written by an older Fixloop holds: the settings JSON with the token in clear.
    if (t.config.database.dialect === 'sqlite') {
      const db = new Database(join(t.dir, 'fixloop.db'));
      db.prepare("UPDATE projects SET settings = ? WHERE slug = 'shop'").run(JSON.stringify(plain));
      db.close();
    } else {
      const client = new pg.Client({ connectionString: t.config.database.connectionString });
      await client.connect();
      await client.query(`UPDATE ${t.config.database.schema}.projects SET settings = $1 WHERE slug = 'shop'`, [JSON.stringify(plain)]); // prettier-ignore
      await client.end();
    }
    expect((await shop()).settings.repository?.token).toBe('legacy-token');
    await t.fixloop.storage.projects.updateProject(project.id, {
      name: 'Shop!',
      settings: (await shop()).settings,
    });
    expect(await rawSettings(t, backend)).not.toContain('legacy-token');
    expect((await shop()).settings.repository?.token).toBe('legacy-token');
  });
});
