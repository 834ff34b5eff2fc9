import type { ExpressionBuilder, Kysely } from 'kysely';
import type {
  AccountStore,
  MemberChangeResult,
  Membership,
  OrganizationMember,
  OrganizationRole,
} from '@fixloop/core';
import type { Database } from './database.ts';
import { toUser } from './row-mapping.ts';
import type { SqlDialect } from './sql-dialect.ts';

type MemberMethods = Pick<AccountStore, 'getMembership' | 'listMembers' | 'setMemberRole' | 'removeMember'>;

/**
 * Membership reads and the owner-preserving changes. The "an organization keeps an owner" rule is a
 * guard inside the one UPDATE/DELETE statement, so it holds under concurrency: SQLite runs statements
 * one at a time, and on PostgreSQL the organization row is locked first so two demotions serialize.
 */
export function sqlMemberMethods(db: Kysely<Database>, dialect: SqlDialect): MemberMethods {
  const guarded = async (
    organizationId: number,
    userId: number,
    change: (db: Kysely<Database>) => Promise<bigint>,
  ): Promise<MemberChangeResult> => {
    const changed =
      dialect === 'postgres'
        ? await db.transaction().execute(async (trx) => {
            await trx
              .selectFrom('organizations')
              .select('id')
              .where('id', '=', organizationId)
              .forUpdate()
              .execute();
            return change(trx);
          })
        : await change(db);
    if (changed > 0n) return 'changed';
    const exists = await getMembership(db, organizationId, userId);
    return exists === null ? 'not_found' : 'last_owner';
  };

  return {
    getMembership: (organizationId, userId) => getMembership(db, organizationId, userId),
    async listMembers(organizationId) {
      const rows = await db
        .selectFrom('organization_members as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .selectAll('u')
        .select(['m.role', 'm.created_at as joined_at', 'm.organization_id'])
        .where('m.organization_id', '=', organizationId)
        .orderBy('m.created_at')
        .orderBy('u.id')
        .execute();
      return rows.map((r): OrganizationMember => ({
        organizationId: Number(r.organization_id),
        userId: Number(r.id),
        role: r.role as OrganizationRole,
        user: toUser(r),
        createdAt: new Date(Number(r.joined_at)),
      }));
    },
    setMemberRole: (organizationId, userId, role) =>
      guarded(organizationId, userId, async (q) => {
        let update = q
          .updateTable('organization_members')
          .set({ role })
          .where('organization_id', '=', organizationId)
          .where('user_id', '=', userId);
        if (role !== 'owner') update = update.where((eb) => keepsAnOwner(eb, organizationId));
        const result = await update.executeTakeFirst();
        return result.numUpdatedRows;
      }),
    async removeMember(organizationId, userId) {
      const result = await guarded(organizationId, userId, async (q) => {
        const deleted = await q
          .deleteFrom('organization_members')
          .where('organization_id', '=', organizationId)
          .where('user_id', '=', userId)
          .where((eb) => keepsAnOwner(eb, organizationId))
          .executeTakeFirst();
        return deleted.numDeletedRows;
      });
      if (result === 'changed') {
        await db
          .deleteFrom('team_members')
          .where('user_id', '=', userId)
          .where('team_id', 'in', (eb) =>
            eb.selectFrom('teams').select('id').where('organization_id', '=', organizationId),
          )
          .execute();
      }
      return result;
    },
  };
}

/** The row is not an owner, or another owner remains. */
function keepsAnOwner(eb: ExpressionBuilder<Database, 'organization_members'>, organizationId: number) {
  return eb.or([
    eb('role', '!=', 'owner'),
    eb(
      eb
        .selectFrom('organization_members as owners')
        .select(eb.fn.countAll().as('n'))
        .where('owners.organization_id', '=', organizationId)
        .where('owners.role', '=', 'owner'),
      '>',
      1,
    ),
  ]);
}

async function getMembership(
  db: Kysely<Database>,
  organizationId: number,
  userId: number,
): Promise<Membership | null> {
  const row = await db
    .selectFrom('organization_members')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (row === undefined) return null;
  return {
    organizationId: Number(row.organization_id),
    userId: Number(row.user_id),
    role: row.role as OrganizationRole,
  };
}
