import { AppError } from '@fixloop/core';

/** True for a unique-constraint error from better-sqlite3 or node-postgres. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Runs an insert and turns a unique violation into a `conflict` AppError. */
export async function insertOrConflict<T>(what: string, insert: () => Promise<T>): Promise<T> {
  try {
    return await insert();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `${what} already exists`);
    throw error;
  }
}
