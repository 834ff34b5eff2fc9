import type { Kysely } from 'kysely';
import type { TagKeySummary, TagValueCount } from '@fixloop/core';
import type { Database } from './database.ts';
import { USER_TAG } from './batch-aggregation.ts';

/** Tag values of an issue (of one key, or all), most seen first. */
export async function listTagValues(
  db: Kysely<Database>,
  issueId: number,
  key: string | undefined,
  page: { limit: number; offset: number },
): Promise<TagValueCount[]> {
  let q = db.selectFrom('issue_tag_values').selectAll().where('issue_id', '=', issueId);
  if (key !== undefined) q = q.where('key', '=', key);
  const rows = await q
    .orderBy('times_seen', 'desc')
    .orderBy('key')
    .orderBy('value')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((r) => ({
    key: r.key,
    value: r.value,
    timesSeen: Number(r.times_seen),
    firstSeen: new Date(Number(r.first_seen)),
    lastSeen: new Date(Number(r.last_seen)),
  }));
}

/**
 * Keys with their distinct values and event counts. `sentry:user` is Fixloop's own counter of
 * affected users (the same values as the `user` tag), so it is not listed.
 */
export async function listTagKeys(
  db: Kysely<Database>,
  issueId: number,
  key: string | undefined,
): Promise<TagKeySummary[]> {
  let q = db
    .selectFrom('issue_tag_values')
    .select((eb) => [
      'key',
      eb.fn.countAll<number>().as('values'),
      eb.fn.sum<number>('times_seen').as('count'),
      eb.fn.min<number>('first_seen').as('first_seen'),
      eb.fn.max<number>('last_seen').as('last_seen'),
    ])
    .where('issue_id', '=', issueId)
    .where('key', '!=', USER_TAG);
  if (key !== undefined) q = q.where('key', '=', key);
  const rows = await q.groupBy('key').orderBy('count', 'desc').orderBy('key').execute();
  return rows.map((r) => ({
    key: r.key,
    totalValues: Number(r.values),
    count: Number(r.count),
    firstSeen: new Date(Number(r.first_seen)),
    lastSeen: new Date(Number(r.last_seen)),
  }));
}
