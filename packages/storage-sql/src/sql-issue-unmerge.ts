import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import { AppError } from '@fixloop/core';
import type { Issue, TagCount, UnmergeInput } from '@fixloop/core';
import type { Database } from './database.ts';
import type { SqlDialect } from './sql-dialect.ts';
import { USER_TAG } from './batch-aggregation.ts';
import { toIssue } from './row-mapping.ts';
import { countIssueUsers } from './sql-count-merge.ts';

const CHUNK = 500;

/**
 * Creates a new issue for some hashes of `sourceIssueId` and moves the given events there with their
 * counts (tags, hourly counts, users); the source keeps the rest. Later events with those hashes go to
 * the new issue because the hashes now point at it.
 */
export async function unmergeHashes(
  trx: Transaction<Database>,
  dialect: SqlDialect,
  { sourceIssueId, move, seed, userId, at }: UnmergeInput,
): Promise<Issue> {
  let lock = trx.selectFrom('issues').selectAll().where('id', '=', sourceIssueId);
  if (dialect === 'postgres') lock = lock.forUpdate();
  const source = await lock.executeTakeFirst();
  if (source === undefined) throw new AppError('not_found', `issue ${sourceIssueId} does not exist`);
  const projectId = Number(source.project_id);
  const { rows } = await sql<{ short_id: number }>`UPDATE projects SET next_short_id = next_short_id + 1
    WHERE id = ${projectId} RETURNING next_short_id - 1 AS short_id`.execute(trx);
  const now = at.getTime();
  const created = await trx
    .insertInto('issues')
    .values({
      project_id: projectId,
      short_id: Number(rows[0]?.short_id),
      primary_hash: move.hashes[0] ?? source.primary_hash,
      title: seed.title,
      culprit: seed.culprit,
      type: seed.type,
      level: move.level ?? seed.level,
      platform: seed.platform,
      metadata: JSON.stringify(seed.metadata),
      status: 'unresolved',
      substatus: 'new',
      status_details: '{}',
      severity: seed.severity,
      error_class: seed.errorClass,
      severity_override: null,
      error_class_override: null,
      first_seen: move.firstSeen?.getTime() ?? now,
      last_seen: move.lastSeen?.getTime() ?? now,
      times_seen: move.timesSeen,
      user_count: move.userKeys.length,
      first_release: move.firstRelease,
      last_release: move.lastRelease,
      resolved_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const newId = Number(created.id);
  await trx
    .updateTable('issue_hashes')
    .set({ issue_id: newId })
    .where('issue_id', '=', sourceIssueId)
    .where('hash', 'in', move.hashes)
    .execute();
  for (let i = 0; i < move.eventIds.length; i += CHUNK) {
    await trx
      .updateTable('events')
      .set({ issue_id: newId })
      .where('issue_id', '=', sourceIssueId)
      .where('event_id', 'in', move.eventIds.slice(i, i + CHUNK))
      .execute();
  }
  // The user tag's values are the user keys: they also count as Fixloop's per-issue users.
  const tags = [
    ...move.tags,
    ...move.tags.filter((t) => t.key === 'user').map((t) => ({ ...t, key: USER_TAG })),
  ];
  await moveTagCounts(trx, sourceIssueId, newId, tags);
  await moveHourlyCounts(trx, sourceIssueId, newId, move.hourly);
  await updateSource(trx, source, move, sourceIssueId);
  const shortIds = { source: Number(source.short_id), destination: Number(rows[0]?.short_id) };
  await trx
    .insertInto('issue_activities')
    .values([
      activity(sourceIssueId, projectId, 'unmerge_source', userId, now, {
        fingerprints: move.hashes,
        destination: { id: String(newId), shortId: shortIds.destination },
      }),
      activity(newId, projectId, 'unmerge_destination', userId, now, {
        fingerprints: move.hashes,
        source: { id: String(sourceIssueId), shortId: shortIds.source },
      }),
    ])
    .execute();
  return toIssue(
    await trx.selectFrom('issues').selectAll().where('id', '=', newId).executeTakeFirstOrThrow(),
  );
}

function activity(
  issueId: number,
  projectId: number,
  type: string,
  userId: number | null,
  at: number,
  data: unknown,
) {
  return {
    issue_id: issueId,
    project_id: projectId,
    type,
    user_id: userId,
    data: JSON.stringify(data),
    created_at: at,
  };
}

async function moveTagCounts(trx: Transaction<Database>, from: number, to: number, tags: TagCount[]) {
  for (let i = 0; i < tags.length; i += CHUNK) {
    const chunk = tags.slice(i, i + CHUNK);
    await trx
      .insertInto('issue_tag_values')
      .values(
        chunk.map((t) => ({
          issue_id: to,
          key: t.key,
          value: t.value,
          times_seen: t.count,
          first_seen: t.firstSeen.getTime(),
          last_seen: t.lastSeen.getTime(),
        })),
      )
      .execute();
  }
  for (const t of tags) {
    await trx
      .updateTable('issue_tag_values')
      .set((eb) => ({ times_seen: eb('times_seen', '-', t.count) }))
      .where('issue_id', '=', from)
      .where('key', '=', t.key)
      .where('value', '=', t.value)
      .execute();
  }
  await trx
    .deleteFrom('issue_tag_values')
    .where('issue_id', '=', from)
    .where('times_seen', '<=', 0)
    .execute();
}

async function moveHourlyCounts(
  trx: Transaction<Database>,
  from: number,
  to: number,
  hourly: { bucket: number; count: number }[],
) {
  if (hourly.length === 0) return;
  await trx
    .insertInto('issue_hourly_counts')
    .values(hourly.map((h) => ({ issue_id: to, bucket: h.bucket, count: h.count })))
    .execute();
  for (const h of hourly) {
    await trx
      .updateTable('issue_hourly_counts')
      .set((eb) => ({ count: eb('count', '-', h.count) }))
      .where('issue_id', '=', from)
      .where('bucket', '=', h.bucket)
      .execute();
  }
  await trx.deleteFrom('issue_hourly_counts').where('issue_id', '=', from).where('count', '<=', 0).execute();
}

/** The source loses the moved events, users and possibly its primary hash and latest event. */
async function updateSource(
  trx: Transaction<Database>,
  source: { primary_hash: string; times_seen: number; last_seen: number },
  move: UnmergeInput['move'],
  sourceIssueId: number,
) {
  const remaining = await trx
    .selectFrom('issue_hashes')
    .select('hash')
    .where('issue_id', '=', sourceIssueId)
    .orderBy('hash')
    .execute();
  const primary = move.hashes.includes(source.primary_hash)
    ? (remaining[0]?.hash ?? source.primary_hash)
    : source.primary_hash;
  const latest = await trx
    .selectFrom('events')
    .select((eb) => eb.fn.max<number>('timestamp').as('at'))
    .where('issue_id', '=', sourceIssueId)
    .executeTakeFirst();
  const movedLatest = move.lastSeen !== null && move.lastSeen.getTime() >= Number(source.last_seen);
  await trx
    .updateTable('issues')
    .set({
      primary_hash: primary,
      times_seen: Math.max(0, Number(source.times_seen) - move.timesSeen),
      user_count: await countIssueUsers(trx, sourceIssueId, USER_TAG),
      ...(movedLatest && latest?.at != null ? { last_seen: Number(latest.at) } : {}),
    })
    .where('id', '=', sourceIssueId)
    .execute();
}
