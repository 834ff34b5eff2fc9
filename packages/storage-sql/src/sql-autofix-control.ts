import type { AutofixSwitchScope, FixStore } from '@fixloop/core';
import type { Kysely } from 'kysely';
import type { Database } from './database.ts';

type AutofixControl = Pick<FixStore, 'getSwitch' | 'setSwitch' | 'acquireLease' | 'releaseLease'>;

/** The kill switches and the repository leases: small rows every instance reads and writes. */
export function createSqlAutofixControl(db: Kysely<Database>): AutofixControl {
  return {
    async getSwitch(scope, scopeId) {
      const row = await db
        .selectFrom('autofix_switches')
        .selectAll()
        .where('scope', '=', scope)
        .where('scope_id', '=', scopeId)
        .executeTakeFirst();
      if (row === undefined) return null;
      return {
        scope: row.scope as AutofixSwitchScope,
        scopeId: Number(row.scope_id),
        enabled: Number(row.enabled) === 1,
        updatedBy: row.updated_by,
        updatedAt: row.updated_at === null ? null : new Date(Number(row.updated_at)),
      };
    },
    async setSwitch(record) {
      const values = {
        enabled: record.enabled ? 1 : 0,
        updated_by: record.updatedBy,
        updated_at: record.updatedAt?.getTime() ?? null,
      };
      await db
        .insertInto('autofix_switches')
        .values({ scope: record.scope, scope_id: record.scopeId, ...values })
        .onConflict((oc) => oc.columns(['scope', 'scope_id']).doUpdateSet(values))
        .execute();
      return record;
    },
    async acquireLease(key, owner, until, now) {
      // One statement: insert, or take over an expired (or our own) lease; a live foreign lease stays.
      const row = await db
        .insertInto('autofix_leases')
        .values({ key, owner, expires_at: until.getTime() })
        .onConflict((oc) =>
          oc
            .column('key')
            .doUpdateSet({ owner, expires_at: until.getTime() })
            .where((eb) =>
              eb.or([
                eb('autofix_leases.expires_at', '<=', now.getTime()),
                eb('autofix_leases.owner', '=', owner),
              ]),
            ),
        )
        .returning('owner')
        .executeTakeFirst();
      return row?.owner === owner;
    },
    async releaseLease(key, owner) {
      await db.deleteFrom('autofix_leases').where('key', '=', key).where('owner', '=', owner).execute();
    },
  };
}
