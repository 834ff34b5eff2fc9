import type { PoolClient } from 'pg';
import { AppError } from '@fixloop/core';
import type { EventWrite } from '@fixloop/core';
import { newIssueRow } from '@fixloop/storage-sql';
import { insertRows } from './postgres-rows.ts';

export interface Candidate {
  index: number;
  write: EventWrite;
}

export interface Resolution {
  issueOf: Map<number, number>;
  created: Set<number>;
}

const hashKey = (projectId: number, hash: string) => `${projectId}\u0000${hash}`;

async function lookupHashes(client: PoolClient, candidates: Candidate[]): Promise<Map<string, number>> {
  const projects: number[] = [];
  const hashes: string[] = [];
  for (const { write } of candidates) {
    for (const hash of write.grouping.hashes) {
      projects.push(write.event.projectId);
      hashes.push(hash);
    }
  }
  const { rows } = await client.query<{ project_id: number; hash: string; issue_id: number }>(
    `SELECT h.project_id, h.hash, h.issue_id FROM issue_hashes h
     JOIN unnest($1::bigint[], $2::text[]) AS u(project_id, hash) ON h.project_id = u.project_id AND h.hash = u.hash`,
    [projects, hashes],
  );
  return new Map(rows.map((r) => [hashKey(Number(r.project_id), r.hash), Number(r.issue_id)]));
}

interface Plan {
  /** Candidate index -> issue id, or a negative placeholder for an issue still to create. */
  refOf: Map<number, number>;
  newIssues: { ref: number; write: EventWrite }[];
  newHashes: { projectId: number; hash: string; ref: number }[];
}

/** Walks the batch in order so an event can join an issue that an earlier event of the batch creates. */
function plan(candidates: Candidate[], known: Map<string, number>): Plan {
  const map = new Map(known);
  const result: Plan = { refOf: new Map(), newIssues: [], newHashes: [] };
  for (const { index, write } of candidates) {
    const projectId = write.event.projectId;
    const hashes = [...new Set([write.grouping.primaryHash, ...write.grouping.hashes])];
    let ref = write.grouping.hashes.map((h) => map.get(hashKey(projectId, h))).find((id) => id !== undefined);
    if (ref === undefined) {
      ref = -(result.newIssues.length + 1);
      result.newIssues.push({ ref, write });
    }
    for (const hash of hashes) {
      if (map.has(hashKey(projectId, hash))) continue;
      map.set(hashKey(projectId, hash), ref);
      result.newHashes.push({ projectId, hash, ref });
    }
    result.refOf.set(index, ref);
  }
  return result;
}

/**
 * Finds or creates the issue of every candidate. Creating issues or mapping new hashes happens under
 * the project rows' locks (taken in id order), and the hashes are looked up again after the lock: a
 * concurrent writer that created the same hash has committed by then, so both converge on one issue.
 */
export async function resolveIssues(client: PoolClient, candidates: Candidate[]): Promise<Resolution> {
  let current = plan(candidates, await lookupHashes(client, candidates));
  if (current.newHashes.length > 0) {
    const projectIds = [...new Set(current.newHashes.map((h) => h.projectId))].sort((a, b) => a - b);
    const locked = await client.query(
      'SELECT id FROM projects WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE',
      [projectIds],
    );
    if (locked.rowCount !== projectIds.length) {
      const found = new Set(locked.rows.map((r: { id: number }) => Number(r.id)));
      const missing = projectIds.filter((id) => !found.has(id));
      throw new AppError('not_found', `project ${missing.join(', ')} does not exist`);
    }
    current = plan(candidates, await lookupHashes(client, candidates));
  }
  const realIds = await createIssues(client, current.newIssues);
  const real = (ref: number) => (ref < 0 ? (realIds.get(ref) ?? ref) : ref);
  await insertRows(
    client,
    'issue_hashes',
    current.newHashes.map((h) => ({ project_id: h.projectId, hash: h.hash, issue_id: real(h.ref) })),
    'ON CONFLICT DO NOTHING',
  );
  const issueOf = new Map([...current.refOf].map(([index, ref]) => [index, real(ref)]));
  return { issueOf, created: new Set(realIds.values()) };
}

async function createIssues(client: PoolClient, newIssues: Plan['newIssues']): Promise<Map<number, number>> {
  const byProject = new Map<number, Plan['newIssues']>();
  for (const n of newIssues) {
    const list = byProject.get(n.write.event.projectId) ?? [];
    list.push(n);
    byProject.set(n.write.event.projectId, list);
  }
  const rows: Record<string, unknown>[] = [];
  const refByShort = new Map<string, number>();
  for (const [projectId, list] of byProject) {
    const { rows: taken } = await client.query<{ first: number }>(
      'UPDATE projects SET next_short_id = next_short_id + $2 WHERE id = $1 RETURNING next_short_id - $2 AS first',
      [projectId, list.length],
    );
    const first = Number(taken[0]?.first);
    list.forEach((n, i) => {
      rows.push(newIssueRow(n.write, first + i));
      refByShort.set(`${projectId}:${first + i}`, n.ref);
    });
  }
  const inserted = await insertRows<{ id: number; project_id: number; short_id: number }>(
    client,
    'issues',
    rows,
    'RETURNING id, project_id, short_id',
  );
  return new Map(inserted.map((r) => [refByShort.get(`${r.project_id}:${r.short_id}`) ?? 0, Number(r.id)]));
}
