import type BetterSqlite3 from 'better-sqlite3';
import { ISSUE_COUNTER_COLUMNS } from '@fixloop/storage-sql';
import type { IssueCounterRow } from '@fixloop/storage-sql';

/** `INSERT INTO t (a, b) VALUES (@a, @b)`: rows are bound by name from the shared row builders. */
export function insertSql(table: string, columns: readonly string[], suffix = ''): string {
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})${suffix}`;
}

const ISSUE_COLUMNS = [
  'project_id',
  'short_id',
  'primary_hash',
  'title',
  'culprit',
  'type',
  'level',
  'platform',
  'metadata',
  'status',
  'substatus',
  'status_details',
  'severity',
  'error_class',
  'severity_override',
  'error_class_override',
  'first_seen',
  'last_seen',
  'times_seen',
  'user_count',
  'first_release',
  'last_release',
  'resolved_at',
] as const;
const EVENT_COLUMNS = [
  'project_id',
  'event_id',
  'issue_id',
  'timestamp',
  'received_at',
  'level',
  'environment',
  'release',
  'user_key',
  'title',
  'payload',
] as const;
const JOB_COLUMNS = [
  'kind',
  'payload',
  'state',
  'concurrency_key',
  'attempts',
  'max_attempts',
  'run_at',
  'created_at',
];

const TAG_ROW = '(?, ?, ?, ?, ?, ?)';
const upsertTagsSql = (rows: number) =>
  `INSERT INTO issue_tag_values (issue_id, key, value, times_seen, first_seen, last_seen)
  VALUES ${Array.from({ length: rows }, () => TAG_ROW).join(', ')}
  ON CONFLICT (issue_id, key, value) DO UPDATE SET times_seen = times_seen + excluded.times_seen,
    first_seen = min(first_seen, excluded.first_seen), last_seen = max(last_seen, excluded.last_seen)`;
/** Tag rows per upsert statement: an event's tags (Sentry SDKs send about 10-20) in one or two. */
const TAG_ROWS_PER_STATEMENT = 16;
const TAG_COLUMNS = 6;

type TagValues = [number, string, string, number, number, number];
/** One bound value of a tag row (issue_id, key, value, times_seen, first_seen, last_seen). */
export type TagValue = number | string;
/** ISSUE_COUNTER_COLUMNS' new values, in order, then the issue id. */
export type IssueUpdateValues = (string | number | null)[];
/** EVENT_COLUMNS' values, in order. */
export type EventValues = [
  number,
  string,
  number,
  number,
  number,
  string,
  string,
  string | null,
  string | null,
  string,
  Buffer,
];

/** The hot path's prepared statements; prepared once, after migrations created the tables. */
export function prepareIngestStatements(db: BetterSqlite3.Database) {
  return {
    findEventIssue: db
      .prepare<[number, string], number>('SELECT issue_id FROM events WHERE project_id = ? AND event_id = ?')
      .pluck(),
    findHashIssue: db
      .prepare<[number, string], number>(
        'SELECT issue_id FROM issue_hashes WHERE project_id = ? AND hash = ?',
      )
      .pluck(),
    takeShortId: db
      .prepare<[number], number>(
        'UPDATE projects SET next_short_id = next_short_id + 1 WHERE id = ? RETURNING next_short_id - 1',
      )
      .pluck(),
    insertIssue: db.prepare(insertSql('issues', ISSUE_COLUMNS, ' RETURNING id')).pluck(),
    insertHash: db.prepare<[number, string, number]>(
      'INSERT INTO issue_hashes (project_id, hash, issue_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    // Positional: binding 11 values by name from a fresh object per event costs more than the insert.
    insertEvent: db.prepare<EventValues>(
      `INSERT INTO events (${EVENT_COLUMNS.join(', ')}) VALUES (${EVENT_COLUMNS.map(() => '?').join(', ')})`,
    ),
    selectIssue: db.prepare<[number], IssueCounterRow>(
      `SELECT ${ISSUE_COUNTER_COLUMNS.join(', ')} FROM issues WHERE id = ?`,
    ),
    // An issue's tag values in multi-row statements (one statement per row cost ~40% more, measured
    // with 14 tags per event); prepared per row count on first use. Only user values need to know whether
    // the row is new (a count equal to what this batch added means it was just inserted), so they go one
    // by one with RETURNING.
    upsertTagRows: new Map<number, BetterSqlite3.Statement<TagValue[]>>(),
    prepareTagRows: (rows: number) => db.prepare<TagValue[]>(upsertTagsSql(rows)),
    upsertUserTag: db.prepare<TagValues, number>(`${upsertTagsSql(1)} RETURNING times_seen`).pluck(),
    // Positional, in ISSUE_COUNTER_COLUMNS order, then the id: see updateIssueValues.
    updateIssue: db.prepare<IssueUpdateValues>(
      `UPDATE issues SET ${ISSUE_COUNTER_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
    ),
    insertTimeline: db.prepare<[number, string, number, Buffer]>(
      `INSERT INTO event_timelines (project_id, event_id, received_at, entries) VALUES (?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    ),
    insertAttachment: db.prepare(
      insertSql('attachments', [
        'project_id',
        'event_id',
        'filename',
        'content_type',
        'attachment_type',
        'size',
        'data',
        'created_at',
      ]),
    ),
    insertUserReport: db.prepare(
      insertSql('user_reports', [
        'project_id',
        'event_id',
        'issue_id',
        'name',
        'email',
        'comments',
        'url',
        'source',
        'created_at',
      ]),
    ),
    addOutcome: db.prepare(
      `${insertSql('outcomes', ['project_id', 'category', 'outcome', 'bucket', 'quantity'])}
       ON CONFLICT (project_id, category, outcome, bucket) DO UPDATE SET quantity = quantity + excluded.quantity`,
    ),
    insertJob: db.prepare(insertSql('jobs', JOB_COLUMNS)),
    upsertHourly: db.prepare<[number, number, number]>(
      `INSERT INTO issue_hourly_counts (issue_id, bucket, count) VALUES (?, ?, ?)
       ON CONFLICT (issue_id, bucket) DO UPDATE SET count = count + excluded.count`,
    ),
    insertActivity: db.prepare(
      insertSql('issue_activities', ['issue_id', 'project_id', 'type', 'user_id', 'data', 'created_at']),
    ),
  };
}

export type IngestStatements = ReturnType<typeof prepareIngestStatements>;

/** Upserts tag rows given as flat values, six per row, in statements of up to TAG_ROWS_PER_STATEMENT rows. */
export function upsertTags(s: IngestStatements, values: TagValue[]): void {
  const step = TAG_ROWS_PER_STATEMENT * TAG_COLUMNS;
  for (let start = 0; start < values.length; start += step) {
    const chunk = start === 0 && values.length <= step ? values : values.slice(start, start + step);
    const rows = chunk.length / TAG_COLUMNS;
    let statement = s.upsertTagRows.get(rows);
    if (statement === undefined) {
      statement = s.prepareTagRows(rows);
      s.upsertTagRows.set(rows, statement);
    }
    statement.run(...chunk);
  }
}
