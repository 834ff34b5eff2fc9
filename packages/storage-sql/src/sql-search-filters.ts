import { sql } from 'kysely';
import type { Expression, ExpressionBuilder, RawBuilder, SqlBool } from 'kysely';
import type {
  IsValue,
  IssueNumberColumn,
  IssueSearchFilter,
  IssueValueColumn,
  ValuePattern,
} from '@fixloop/core';
import { toLikePattern } from '@fixloop/core';
import type { Database } from './database.ts';
import type { SqlDialect } from './sql-dialect.ts';

type Eb = ExpressionBuilder<Database, 'issues'>;
type Condition = Expression<SqlBool>;

const NUMBER_COLUMNS: Record<IssueNumberColumn, string> = {
  firstSeen: 'issues.first_seen',
  lastSeen: 'issues.last_seen',
  timesSeen: 'issues.times_seen',
  userCount: 'issues.user_count',
};

const FALSE = sql<SqlBool>`1 = 0`;
const TRUE = sql<SqlBool>`1 = 1`;

/** A string field inside the issue's `metadata` JSON text. */
export function metadataField(dialect: SqlDialect, field: 'type' | 'value'): RawBuilder<string | null> {
  return dialect === 'postgres'
    ? sql<string | null>`(issues.metadata::jsonb ->> ${sql.lit(field)})`
    : sql<string | null>`json_extract(issues.metadata, ${sql.lit(`$.${field}`)})`;
}

function valueColumn(dialect: SqlDialect, column: IssueValueColumn): RawBuilder<string | null> {
  switch (column) {
    case 'level':
      return sql`issues.level`;
    case 'severity':
      return sql`coalesce(issues.severity_override, issues.severity)`;
    case 'errorClass':
      return sql`coalesce(issues.error_class_override, issues.error_class)`;
    case 'errorType':
      return metadataField(dialect, 'type');
    case 'errorValue':
      return metadataField(dialect, 'value');
    case 'firstRelease':
      return sql`issues.first_release`;
    case 'platform':
      return sql`issues.platform`;
    case 'title':
      return sql`issues.title`;
  }
}

/**
 * Any pattern matches `value`: exact values with `=`/IN (index-friendly), wildcards with LIKE on
 * lower-cased text. NULL never matches, and never makes a negation unknown (hence IS NOT NULL).
 */
export function patternCondition(value: Expression<string | null>, patterns: ValuePattern[]): Condition {
  const exact = patterns.flatMap((p) => (p.kind === 'exact' ? [p.value] : []));
  const parts: Condition[] = [];
  if (exact.length === 1) parts.push(sql<SqlBool>`${value} = ${exact[0]}`);
  else if (exact.length > 1) parts.push(sql<SqlBool>`${value} IN (${sql.join(exact)})`);
  for (const p of patterns) {
    if (p.kind === 'wildcard') parts.push(sql<SqlBool>`lower(${value}) LIKE ${toLikePattern(p)} ESCAPE '\\'`);
  }
  if (parts.length === 0) return FALSE;
  return sql<SqlBool>`(${value} IS NOT NULL AND (${sql.join(parts, sql` OR `)}))`;
}

/** The SQL meaning of one compiled filter; `matchesIssueSearch` is its in-memory twin. */
export function filterCondition(eb: Eb, dialect: SqlDialect, filter: IssueSearchFilter): Condition {
  const condition = positiveCondition(eb, dialect, filter);
  return filter.negated ? eb.not(condition) : condition;
}

function positiveCondition(eb: Eb, dialect: SqlDialect, filter: IssueSearchFilter): Condition {
  switch (filter.kind) {
    case 'is':
      return eb.or(filter.values.map((value) => isCondition(eb, value, filter.reviewSince)));
    case 'column':
      return patternCondition(valueColumn(dialect, filter.column), filter.patterns);
    case 'compare':
      return sql<SqlBool>`${sql.ref(NUMBER_COLUMNS[filter.column])} ${sql.raw(filter.comparison)} ${filter.value}`;
    case 'range': {
      const column = sql.ref(NUMBER_COLUMNS[filter.column]);
      return sql<SqlBool>`(${column} >= ${filter.from} AND ${column} < ${filter.to})`;
    }
    case 'tag':
      return eb.exists(
        eb
          .selectFrom('issue_tag_values as t')
          .select(sql.lit(1).as('one'))
          .whereRef('t.issue_id', '=', 'issues.id')
          .where('t.key', '=', filter.key)
          .where(() =>
            filter.patterns === null ? TRUE : patternCondition(sql.ref('t.value'), filter.patterns),
          ),
      );
    case 'text': {
      const fields: Expression<string | null>[] = [
        sql`issues.title`,
        sql`coalesce(${metadataField(dialect, 'value')}, '')`,
      ];
      if (filter.target === 'any') fields.push(sql`issues.culprit`);
      return eb.or(fields.map((field) => patternCondition(field, filter.patterns)));
    }
    case 'assigned':
      return eb.or(filter.refs.map((ref) => assigneeCondition(ref)));
    case 'bookmarked': {
      const ids = filter.refs.flatMap((ref) => (ref.type === 'user' ? [ref.id] : []));
      if (ids.length === 0) return FALSE;
      return eb.exists(
        eb
          .selectFrom('issue_bookmarks as b')
          .select(sql.lit(1).as('one'))
          .whereRef('b.issue_id', '=', 'issues.id')
          .where('b.user_id', 'in', ids),
      );
    }
    case 'project':
      return eb(
        'issues.project_id',
        'in',
        eb.selectFrom('projects').select('projects.id').where('projects.slug', 'in', filter.slugs),
      );
  }
}

function assigneeCondition(ref: Extract<IssueSearchFilter, { kind: 'assigned' }>['refs'][number]): Condition {
  if (ref.type === 'any') return sql<SqlBool>`issues.assignee_id IS NOT NULL`;
  if (ref.type === 'none') return sql<SqlBool>`issues.assignee_id IS NULL`;
  if (ref.type !== 'user' && ref.type !== 'team') return FALSE;
  // IS NOT NULL first: a NULL would make the negated filter unknown instead of true.
  return sql<SqlBool>`(issues.assignee_id IS NOT NULL AND issues.assignee_type = ${ref.type} AND issues.assignee_id = ${ref.id})`;
}

const SUBSTATUS_VALUES = ['regressed', 'new', 'ongoing', 'escalating'];

function isCondition(eb: Eb, value: IsValue, reviewSince: number): Condition {
  if (value === 'archived') return eb('issues.status', '=', 'ignored');
  if (value === 'assigned') return sql<SqlBool>`issues.assignee_id IS NOT NULL`;
  if (value === 'unassigned') return sql<SqlBool>`issues.assignee_id IS NULL`;
  if (value === 'for_review') {
    return eb.and([
      eb('issues.status', '=', 'unresolved'),
      eb('issues.substatus', 'is not', null),
      eb('issues.substatus', 'in', ['new', 'regressed', 'escalating']),
      eb('issues.last_seen', '>=', reviewSince),
    ]);
  }
  if (SUBSTATUS_VALUES.includes(value)) {
    return eb.and([
      eb('issues.status', '=', 'unresolved'),
      eb('issues.substatus', 'is not', null),
      eb('issues.substatus', '=', value),
    ]);
  }
  return eb('issues.status', '=', value);
}
