import { sql } from 'kysely';
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Deploy, Release, ReleaseCommit, ReleaseInput, ReleaseStore } from '@fixloop/core';
import type { Database, DeploysTable, ReleasesTable } from './database.ts';
import { isUniqueViolation } from './unique-violation.ts';

const time = (value: Date | null | undefined): number | null => (value == null ? null : value.getTime());
const date = (value: number | null): Date | null => (value === null ? null : new Date(Number(value)));

export function createSqlReleaseStore(db: Kysely<Database>): ReleaseStore {
  const hydrate = (rows: Selectable<ReleasesTable>[]) => hydrateReleases(db, rows);
  const byId = async (id: number): Promise<Release | null> => {
    const row = await db.selectFrom('releases').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? null : ((await hydrate([row]))[0] ?? null);
  };
  return {
    async ensureRelease(input) {
      let row = await findRow(db, input.organizationId, input.version);
      const existed = row !== undefined;
      let created = false;
      if (row === undefined) {
        // A concurrent request may win the insert; then the release simply exists.
        const inserted = await insertRelease(db, input);
        created = inserted !== null;
        row = inserted ?? (await findRow(db, input.organizationId, input.version));
      }
      if (row === undefined) throw new Error(`release ${input.version} vanished`);
      await linkProjects(db, Number(row.id), input.projectIds);
      if (existed && input.commits != null) {
        await db.updateTable('releases').set(commitValues(input.commits)).where('id', '=', row.id).execute();
      }
      const release = await byId(Number(row.id));
      if (release === null) throw new Error(`release ${input.version} vanished`);
      return { release, created };
    },
    async getRelease(organizationId, version) {
      const row = await findRow(db, organizationId, version);
      return row === undefined ? null : ((await hydrate([row]))[0] ?? null);
    },
    async listReleases({ organizationId, projectIds, query, status, limit, offset }) {
      let select = db.selectFrom('releases').selectAll().where('organization_id', '=', organizationId);
      if (status !== undefined) select = select.where('status', '=', status);
      if (projectIds !== undefined) {
        if (projectIds.length === 0) return [];
        select = select.where('id', 'in', (qb) =>
          qb.selectFrom('release_projects').select('release_id').where('project_id', 'in', projectIds),
        );
      }
      if (query !== undefined && query !== '') {
        const pattern = `%${escapeLike(query.toLowerCase())}%`;
        select = select.where(sql<boolean>`lower(version) like ${pattern} escape '\\'`);
      }
      const rows = await select
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();
      return hydrate(rows);
    },
    async updateRelease(id, patch) {
      const values: Updateable<ReleasesTable> = {};
      if (patch.ref !== undefined) values.ref = patch.ref;
      if (patch.url !== undefined) values.url = patch.url;
      if (patch.dateReleased !== undefined) values.date_released = time(patch.dateReleased);
      if (patch.commits !== undefined) Object.assign(values, commitValues(patch.commits));
      if (patch.status !== undefined) values.status = patch.status;
      if (Object.keys(values).length > 0)
        await db.updateTable('releases').set(values).where('id', '=', id).execute();
      if (patch.projectIds !== undefined) await linkProjects(db, id, patch.projectIds);
      return byId(id);
    },
    async deleteRelease(id) {
      // Children first: SQLite only cascades with foreign_keys on, which not every connection has.
      await db.deleteFrom('deploys').where('release_id', '=', id).execute();
      await db.deleteFrom('release_files').where('release_id', '=', id).execute();
      await db.deleteFrom('release_projects').where('release_id', '=', id).execute();
      const result = await db.deleteFrom('releases').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async previousWithCommits(releaseId) {
      const current = await db
        .selectFrom('releases')
        .selectAll()
        .where('id', '=', releaseId)
        .executeTakeFirst();
      if (current === undefined) return null;
      const row = await db
        .selectFrom('releases')
        .selectAll()
        .where('organization_id', '=', current.organization_id)
        .where('commit_count', '>', 0)
        .where((eb) =>
          eb.or([
            eb('created_at', '<', current.created_at),
            eb.and([eb('created_at', '=', current.created_at), eb('id', '<', current.id)]),
          ]),
        )
        .where('id', 'in', (qb) =>
          qb
            .selectFrom('release_projects')
            .select('release_id')
            .where('project_id', 'in', (inner) =>
              inner.selectFrom('release_projects').select('project_id').where('release_id', '=', releaseId),
            ),
        )
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      const lastCommit = row === undefined ? null : (parseCommits(row.commits)[0] ?? null);
      const release = row === undefined ? undefined : (await hydrate([row]))[0];
      return release === undefined || lastCommit === null ? null : { release, lastCommit };
    },
    async listCommits(releaseId) {
      const row = await db
        .selectFrom('releases')
        .select('commits')
        .where('id', '=', releaseId)
        .executeTakeFirst();
      return row === undefined ? [] : parseCommits(row.commits);
    },
    async addDeploy(input) {
      const row = await db
        .insertInto('deploys')
        .values({
          release_id: input.releaseId,
          organization_id: input.organizationId,
          environment: input.environment,
          name: input.name ?? null,
          url: input.url ?? null,
          date_started: time(input.dateStarted),
          date_finished: input.dateFinished.getTime(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toDeploy(row);
    },
    async listDeploys(releaseId) {
      const rows = await db
        .selectFrom('deploys')
        .selectAll()
        .where('release_id', '=', releaseId)
        .orderBy('date_finished', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toDeploy);
    },
  };
}

function findRow(db: Kysely<Database>, organizationId: number, version: string) {
  return db
    .selectFrom('releases')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** Inserts the release; null when a concurrent request created it first. */
async function insertRelease(db: Kysely<Database>, input: ReleaseInput) {
  try {
    return await db
      .insertInto('releases')
      .values({
        organization_id: input.organizationId,
        version: input.version,
        ref: input.ref ?? null,
        url: input.url ?? null,
        date_released: time(input.dateReleased),
        ...commitValues(input.commits ?? null),
        created_at: input.createdAt.getTime(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

function commitValues(commits: unknown[] | null): { commits: string | null; commit_count: number } {
  return { commits: commits === null ? null : JSON.stringify(commits), commit_count: commits?.length ?? 0 };
}

async function linkProjects(db: Kysely<Database>, releaseId: number, projectIds: number[]): Promise<void> {
  if (projectIds.length === 0) return;
  await db
    .insertInto('release_projects')
    .values([...new Set(projectIds)].map((projectId) => ({ release_id: releaseId, project_id: projectId })))
    .onConflict((oc) => oc.columns(['release_id', 'project_id']).doNothing())
    .execute();
}

function parseCommits(commits: string | null): ReleaseCommit[] {
  const list: unknown = commits === null ? [] : JSON.parse(commits);
  if (!Array.isArray(list)) return [];
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
  return list.flatMap((commit: unknown) => {
    if (typeof commit !== 'object' || commit === null) return [];
    const c = commit as Record<string, unknown>;
    const id = text(c['id']);
    if (id === null) return [];
    return [
      {
        id,
        message: text(c['message']),
        dateCreated: text(c['timestamp']),
        authorName: text(c['author_name']),
        authorEmail: text(c['author_email']),
        repository: text(c['repository']),
      },
    ];
  });
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function toDeploy(row: Selectable<DeploysTable>): Deploy {
  return {
    id: Number(row.id),
    releaseId: Number(row.release_id),
    organizationId: Number(row.organization_id),
    environment: row.environment,
    name: row.name,
    url: row.url,
    dateStarted: date(row.date_started),
    dateFinished: new Date(Number(row.date_finished)),
  };
}

/** Adds projects, deploy counts and new-issue counts with one query each for the whole page. */
async function hydrateReleases(db: Kysely<Database>, rows: Selectable<ReleasesTable>[]): Promise<Release[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => Number(r.id));
  const links = await db.selectFrom('release_projects').selectAll().where('release_id', 'in', ids).execute();
  const deploys = await db.selectFrom('deploys').selectAll().where('release_id', 'in', ids).execute();
  const projectIds = [...new Set(links.map((l) => Number(l.project_id)))];
  const newGroups =
    projectIds.length === 0
      ? []
      : await db
          .selectFrom('issues')
          .select(['project_id', 'first_release', (eb) => eb.fn.countAll<number>().as('count')])
          .where('project_id', 'in', projectIds)
          .where(
            'first_release',
            'in',
            rows.map((r) => r.version),
          )
          .groupBy(['project_id', 'first_release'])
          .execute();
  return rows.map((row) => {
    const id = Number(row.id);
    const mine = links.filter((l) => Number(l.release_id) === id).map((l) => Number(l.project_id));
    const ownDeploys = deploys
      .filter((d) => Number(d.release_id) === id)
      .map(toDeploy)
      .sort((a, b) => b.dateFinished.getTime() - a.dateFinished.getTime() || b.id - a.id);
    const groups = newGroups
      .filter((g) => g.first_release === row.version && mine.includes(Number(g.project_id)))
      .reduce((sum, g) => sum + Number(g.count), 0);
    return {
      id,
      organizationId: Number(row.organization_id),
      version: row.version,
      status: row.status === 'archived' ? 'archived' : 'open',
      ref: row.ref,
      url: row.url,
      dateCreated: new Date(Number(row.created_at)),
      dateReleased: date(row.date_released),
      commitCount: Number(row.commit_count),
      projectIds: mine.sort((a, b) => a - b),
      newGroups: groups,
      deployCount: ownDeploys.length,
      lastDeploy: ownDeploys[0] ?? null,
    };
  });
}
