import type { Kysely, Updateable } from 'kysely';
import type { AccountStore, Membership } from '@fixloop/core';
import type { Database, UsersTable } from './database.ts';
import { toApiToken, toUser } from './row-mapping.ts';
import { sqlApiTokenMethods } from './sql-api-token-methods.ts';
import type { SqlDialect } from './sql-dialect.ts';
import { sqlMemberMethods } from './sql-member-methods.ts';
import { insertOrConflict } from './unique-violation.ts';

export function createSqlAccountStore(db: Kysely<Database>, dialect: SqlDialect): AccountStore {
  return {
    ...sqlMemberMethods(db, dialect),
    ...sqlApiTokenMethods(db),
    async createUser(input) {
      const row = await insertOrConflict(`user "${input.email}"`, () =>
        db
          .insertInto('users')
          .values({
            email: input.email,
            name: input.name,
            password_hash: input.passwordHash,
            is_superuser: input.isSuperuser ? 1 : 0,
            must_change_password: input.mustChangePassword ? 1 : 0,
            created_at: Date.now(),
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return toUser(row);
    },
    async findUserByEmail(email) {
      const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
      return row === undefined ? null : { ...toUser(row), passwordHash: row.password_hash };
    },
    async getUser(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? null : toUser(row);
    },
    async listMemberships(userId) {
      const rows = await db
        .selectFrom('organization_members')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('organization_id')
        .execute();
      return rows.map((r) => ({
        organizationId: Number(r.organization_id),
        userId: Number(r.user_id),
        role: r.role as Membership['role'],
      }));
    },
    async countUsers() {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async addMember({ organizationId, userId, role }) {
      await db
        .insertInto('organization_members')
        .values({ organization_id: organizationId, user_id: userId, role, created_at: Date.now() })
        .onConflict((oc) => oc.columns(['organization_id', 'user_id']).doUpdateSet({ role }))
        .execute();
    },
    async createApiToken(input) {
      const row = await insertOrConflict('api token', () =>
        db
          .insertInto('api_tokens')
          .values({
            name: input.name,
            token_hash: input.tokenHash,
            token_prefix: input.tokenPrefix,
            scopes: JSON.stringify(input.scopes),
            user_id: input.userId,
            created_at: Date.now(),
            last_used_at: null,
            token_last_characters: input.tokenLastCharacters ?? '',
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return toApiToken(row);
    },
    async findApiTokenByHash(tokenHash) {
      const row = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row === undefined ? null : toApiToken(row);
    },
    async updateUser(id, patch) {
      const values: Updateable<UsersTable> = {};
      if (patch.name !== undefined) values.name = patch.name;
      if (patch.passwordHash !== undefined) values.password_hash = patch.passwordHash;
      if (patch.mustChangePassword !== undefined)
        values.must_change_password = patch.mustChangePassword ? 1 : 0;
      if (Object.keys(values).length > 0) {
        await db.updateTable('users').set(values).where('id', '=', id).execute();
      }
      return this.getUser(id);
    },
    async touchApiToken(id, at) {
      await db.updateTable('api_tokens').set({ last_used_at: at.getTime() }).where('id', '=', id).execute();
    },
  };
}
