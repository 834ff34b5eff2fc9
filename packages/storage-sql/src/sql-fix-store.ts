import { AppError } from '@fixloop/core';
import type { FixAttemptState, FixStore, StoredFixAttempt } from '@fixloop/core';
import type { Kysely } from 'kysely';
import type { Database } from './database.ts';
import {
  fixAttemptPatchRow,
  fixEventRow,
  toFixAttemptEvent,
  toStoredFixAttempt,
} from './fix-attempt-rows.ts';
import { createSqlAutofixControl } from './sql-autofix-control.ts';
import { isUniqueViolation } from './unique-violation.ts';

/** Fix attempts and their audit trail; switches and leases come from `createSqlAutofixControl`. */
export function createSqlFixStore(db: Kysely<Database>): FixStore {
  const byId = async (id: number, trx: Kysely<Database> = db): Promise<StoredFixAttempt | null> => {
    const row = await trx.selectFrom('fix_attempts').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? null : toStoredFixAttempt(row);
  };
  return {
    ...createSqlAutofixControl(db),
    async createAttempt(input, actor, reason) {
      return db.transaction().execute(async (trx) => {
        const at = input.createdAt.getTime();
        const inserted = await trx
          .insertInto('fix_attempts')
          .values({
            project_id: input.projectId,
            issue_id: input.issueId,
            state: 'pending',
            trigger: input.trigger,
            branch: input.branch,
            push_state: 'none',
            runs: 0,
            investigation_id: input.investigationId ?? null,
            reason,
            created_at: at,
            updated_at: at,
          })
          // The partial unique index allows one active attempt per issue: the loser reads the winner.
          .onConflict((oc) => oc.doNothing())
          .returning('id')
          .executeTakeFirst();
        if (inserted === undefined) {
          const active = await trx
            .selectFrom('fix_attempts')
            .selectAll()
            .where('issue_id', '=', input.issueId)
            .where('state', 'in', ['pending', 'reproducing', 'generating', 'verifying'])
            .executeTakeFirstOrThrow();
          return { attempt: toStoredFixAttempt(active), created: false };
        }
        const id = Number(inserted.id);
        await trx
          .insertInto('fix_attempt_events')
          .values(fixEventRow(id, { from: null, to: 'pending', actor, reason, at: input.createdAt }))
          .execute();
        return { attempt: (await byId(id, trx)) as StoredFixAttempt, created: true };
      });
    },
    getAttempt: (id) => byId(id),
    async listAttempts(query) {
      if (query.projectIds.length === 0) return [];
      let select = db.selectFrom('fix_attempts').selectAll().where('project_id', 'in', query.projectIds);
      if (query.issueId !== undefined) select = select.where('issue_id', '=', query.issueId);
      if (query.states !== undefined && query.states.length > 0)
        select = select.where('state', 'in', query.states);
      const rows = await select.orderBy('id', 'desc').limit(query.limit).offset(query.offset).execute();
      return rows.map(toStoredFixAttempt);
    },
    async countByState(projectIds) {
      if (projectIds.length === 0) return {};
      const rows = await db
        .selectFrom('fix_attempts')
        .select(['state', (eb) => eb.fn.countAll().as('n')])
        .where('project_id', 'in', projectIds)
        .groupBy('state')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.state as FixAttemptState, Number(r.n)]));
    },
    async transition(input) {
      try {
        return await db.transaction().execute(async (trx) => {
          const result = await trx
            .updateTable('fix_attempts')
            .set({
              ...fixAttemptPatchRow(input.patch ?? {}),
              state: input.to,
              reason: input.reason,
              updated_at: input.at.getTime(),
            })
            .where('id', '=', input.attemptId)
            .where('state', '=', input.from)
            .executeTakeFirst();
          if (Number(result.numUpdatedRows) === 0) return null;
          await trx.insertInto('fix_attempt_events').values(fixEventRow(input.attemptId, input)).execute();
          return byId(input.attemptId, trx);
        });
      } catch (error) {
        if (isUniqueViolation(error))
          throw new AppError('conflict', 'the issue already has an active fix attempt');
        throw error;
      }
    },
    async update(id, patch) {
      const values = fixAttemptPatchRow(patch);
      if (Object.keys(values).length > 0)
        await db.updateTable('fix_attempts').set(values).where('id', '=', id).execute();
      return byId(id);
    },
    async recordEvent(event) {
      const row = await db
        .insertInto('fix_attempt_events')
        .values(fixEventRow(event.attemptId, { ...event, from: null }))
        .returningAll()
        .executeTakeFirstOrThrow();
      return toFixAttemptEvent(row);
    },
    async listEvents(attemptId) {
      const rows = await db
        .selectFrom('fix_attempt_events')
        .selectAll()
        .where('attempt_id', '=', attemptId)
        .orderBy('id')
        .execute();
      return rows.map(toFixAttemptEvent);
    },
  };
}
