import Database from 'better-sqlite3';

/** Rows in the `events` table of a running Fixloop's embedded database (read-only connection). */
export function storedEvents(dbFile: string): number {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('select count(*) as n from events').get() as { n: number }).n;
  } finally {
    db.close();
  }
}
