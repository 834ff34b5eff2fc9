import type { Kysely, Selectable } from 'kysely';
import type { Team, TeamStore } from '@fixloop/core';
import type { Database, TeamsTable } from './database.ts';
import { isUniqueViolation, insertOrConflict } from './unique-violation.ts';

export function createSqlTeamStore(db: Kysely<Database>): TeamStore {
  return {
    async createTeam({ organizationId, slug, name }) {
      const row = await insertOrConflict(`team "${slug}"`, () =>
        db
          .insertInto('teams')
          .values({ organization_id: organizationId, slug, name, created_at: Date.now() })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return toTeam(row);
    },
    async getTeamBySlug(organizationId, slug) {
      const row = await db
        .selectFrom('teams')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('slug', '=', slug)
        .executeTakeFirst();
      return row === undefined ? null : toTeam(row);
    },
    async listTeams(organizationId) {
      const rows = await db
        .selectFrom('teams')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .orderBy('slug')
        .execute();
      return rows.map(toTeam);
    },
    async deleteTeam(id) {
      const result = await db.deleteFrom('teams').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async addTeamMember(teamId, userId) {
      try {
        await db.insertInto('team_members').values({ team_id: teamId, user_id: userId }).execute();
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
    async removeTeamMember(teamId, userId) {
      const result = await db
        .deleteFrom('team_members')
        .where('team_id', '=', teamId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async listTeamMemberships(organizationId) {
      const rows = await db
        .selectFrom('team_members as tm')
        .innerJoin('teams as t', 't.id', 'tm.team_id')
        .select(['tm.team_id', 'tm.user_id'])
        .where('t.organization_id', '=', organizationId)
        .orderBy('tm.team_id')
        .orderBy('tm.user_id')
        .execute();
      return rows.map((r) => ({ teamId: Number(r.team_id), userId: Number(r.user_id) }));
    },
    async addProjectTeam(teamId, projectId) {
      await db
        .insertInto('project_teams')
        .values({ team_id: teamId, project_id: projectId })
        .onConflict((oc) => oc.columns(['team_id', 'project_id']).doNothing())
        .execute();
    },
    async listProjectTeams(organizationId) {
      const rows = await db
        .selectFrom('project_teams as pt')
        .innerJoin('teams as t', 't.id', 'pt.team_id')
        .select(['pt.team_id', 'pt.project_id'])
        .where('t.organization_id', '=', organizationId)
        .orderBy('pt.project_id')
        .orderBy('pt.team_id')
        .execute();
      return rows.map((r) => ({ teamId: Number(r.team_id), projectId: Number(r.project_id) }));
    },
  };
}

function toTeam(row: Selectable<TeamsTable>): Team {
  return {
    id: Number(row.id),
    organizationId: Number(row.organization_id),
    slug: row.slug,
    name: row.name,
    createdAt: new Date(Number(row.created_at)),
  };
}
