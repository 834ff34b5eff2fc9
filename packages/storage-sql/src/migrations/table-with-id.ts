import type { Kysely } from 'kysely';
import type { SqlDialect } from '../sql-dialect.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- schema builders are untyped by design */
/**
 * Starts a CREATE TABLE with the `id` primary key every Fixloop table has: a BIGINT identity on
 * PostgreSQL, SQLite's INTEGER PRIMARY KEY AUTOINCREMENT (rowid alias, never reused) elsewhere.
 */
export function tableWithId(dialect: SqlDialect) {
  const pg = dialect === 'postgres';
  return (table: string) => (db: Kysely<any>) =>
    db.schema
      .createTable(table)
      .addColumn('id', pg ? 'bigint' : 'integer', (c) =>
        pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
      );
}
