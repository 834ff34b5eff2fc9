import type { PoolClient } from 'pg';
import type { IssueUpdatePlan } from '@fixloop/storage-sql';

/** One UPDATE for every issue the batch touched, fed by typed arrays. */
export async function updateIssues(
  client: PoolClient,
  plans: { id: number; plan: IssueUpdatePlan }[],
): Promise<void> {
  if (plans.length === 0) return;
  const col = <T>(pick: (p: IssueUpdatePlan['values']) => T) => plans.map(({ plan }) => pick(plan.values));
  await client.query(
    `UPDATE issues AS i SET times_seen = u.times_seen, user_count = u.user_count, first_seen = u.first_seen,
       last_seen = u.last_seen, level = u.level, first_release = u.first_release, last_release = u.last_release,
       status = u.status, substatus = u.substatus, status_details = u.status_details, resolved_at = u.resolved_at
     FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::text[], $7::text[],
                 $8::text[], $9::text[], $10::text[], $11::text[], $12::bigint[])
       AS u(id, times_seen, user_count, first_seen, last_seen, level, first_release, last_release, status,
            substatus, status_details, resolved_at)
     WHERE i.id = u.id`,
    [
      plans.map((p) => p.id),
      col((v) => v.times_seen),
      col((v) => v.user_count),
      col((v) => v.first_seen),
      col((v) => v.last_seen),
      col((v) => v.level),
      col((v) => v.first_release ?? null),
      col((v) => v.last_release ?? null),
      col((v) => v.status),
      col((v) => v.substatus ?? null),
      col((v) => v.status_details),
      col((v) => v.resolved_at ?? null),
    ],
  );
}
