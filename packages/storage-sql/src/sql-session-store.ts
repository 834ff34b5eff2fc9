import type { Kysely, Selectable } from 'kysely';
import type { LoginSession, SessionStore } from '@fixloop/core';
import type { Database, LoginSessionsTable } from './database.ts';

export function createSqlSessionStore(db: Kysely<Database>): SessionStore {
  return {
    async createSession(session) {
      await db
        .insertInto('login_sessions')
        .values({
          id_hash: session.idHash,
          user_id: session.userId,
          csrf_token: session.csrfToken,
          created_at: session.createdAt.getTime(),
          last_seen_at: session.lastSeenAt.getTime(),
          expires_at: session.expiresAt.getTime(),
        })
        .execute();
    },
    async findSession(idHash) {
      const row = await db
        .selectFrom('login_sessions')
        .selectAll()
        .where('id_hash', '=', idHash)
        .executeTakeFirst();
      return row === undefined ? null : toSession(row);
    },
    async touchSession(idHash, lastSeenAt, expiresAt) {
      await db
        .updateTable('login_sessions')
        .set({ last_seen_at: lastSeenAt.getTime(), expires_at: expiresAt.getTime() })
        .where('id_hash', '=', idHash)
        .execute();
    },
    async deleteSession(idHash) {
      const result = await db.deleteFrom('login_sessions').where('id_hash', '=', idHash).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async deleteUserSessions(userId, exceptIdHash) {
      let query = db.deleteFrom('login_sessions').where('user_id', '=', userId);
      if (exceptIdHash !== undefined) query = query.where('id_hash', '!=', exceptIdHash);
      const result = await query.executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async deleteExpiredSessions(now) {
      const result = await db
        .deleteFrom('login_sessions')
        .where('expires_at', '<=', now.getTime())
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function toSession(row: Selectable<LoginSessionsTable>): LoginSession {
  return {
    idHash: row.id_hash,
    userId: Number(row.user_id),
    csrfToken: row.csrf_token,
    createdAt: new Date(Number(row.created_at)),
    lastSeenAt: new Date(Number(row.last_seen_at)),
    expiresAt: new Date(Number(row.expires_at)),
  };
}
