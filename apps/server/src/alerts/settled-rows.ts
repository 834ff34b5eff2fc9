/**
 * Ids are handed out before commit, so on PostgreSQL a lower id can become visible after a higher one. The
 * cursor only passes rows old enough that anything before them has committed.
 */
export const SETTLE_MS = 5_000;

/** The leading rows created at least SETTLE_MS ago (stopping at the first younger one). */
export function settled<T extends { createdAt: Date }>(rows: T[], now: Date): T[] {
  const young = rows.findIndex((r) => r.createdAt.getTime() > now.getTime() - SETTLE_MS);
  return young === -1 ? rows : rows.slice(0, young);
}
