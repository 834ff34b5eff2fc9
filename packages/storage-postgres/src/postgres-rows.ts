import type { PoolClient, QueryResultRow } from 'pg';

/** PostgreSQL's limit is 65,535 bind parameters per statement; stay well below it. */
const MAX_PARAMS = 30_000;

/**
 * Multi-row `INSERT … VALUES (…), (…)` with one bind parameter per value (Buffers travel as binary),
 * chunked under the parameter limit. Columns come from the first row; `suffix` adds ON CONFLICT /
 * RETURNING clauses. Returns the RETURNING rows of all chunks.
 */
export async function insertRows<R extends QueryResultRow = QueryResultRow>(
  client: PoolClient,
  table: string,
  rows: readonly Record<string, unknown>[],
  suffix = '',
): Promise<R[]> {
  const first = rows[0];
  if (first === undefined) return [];
  const columns = Object.keys(first);
  const perChunk = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const out: R[] = [];
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const slots = columns.map((c) => {
        params.push(row[c]);
        return `$${params.length}`;
      });
      return `(${slots.join(', ')})`;
    });
    const text = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ${suffix}`;
    const result = await client.query<R>(text, params);
    out.push(...result.rows);
  }
  return out;
}
