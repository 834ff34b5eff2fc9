import type { Kysely } from 'kysely';
import type { AccountStore } from '@fixloop/core';
import type { Database } from './database.ts';
import { toApiToken } from './row-mapping.ts';

type TokenMethods = Pick<AccountStore, 'getApiToken' | 'listApiTokens' | 'deleteApiToken'>;

export function sqlApiTokenMethods(db: Kysely<Database>): TokenMethods {
  return {
    async getApiToken(id) {
      const row = await db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? null : toApiToken(row);
    },
    async listApiTokens({ userId, organizationId }) {
      let query = db.selectFrom('api_tokens').selectAll().orderBy('id');
      if (userId !== undefined) query = query.where('user_id', '=', userId);
      if (organizationId !== undefined) {
        query = query.where('user_id', 'in', (eb) =>
          eb
            .selectFrom('organization_members')
            .select('user_id')
            .where('organization_id', '=', organizationId),
        );
      }
      return (await query.execute()).map(toApiToken);
    },
    async deleteApiToken(id) {
      const result = await db.deleteFrom('api_tokens').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
