import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { emptySeverityCounts, SEVERITIES } from '@fixloop/core';
import type { AlertStore, IssueWindowActivity, PeriodStats, Severity, StoredUserReport } from '@fixloop/core';
import type { Database } from './database.ts';

type ReportQueries = Pick<
  AlertStore,
  | 'criticalActivity'
  | 'busyIssues'
  | 'countIssueEvents'
  | 'periodStats'
  | 'userReportsAfter'
  | 'resolutionsAfter'
  | 'failingRecurringJobs'
>;

const DAY_MS = 86_400_000;
const RESOLUTION_TYPES = ['set_resolved', 'set_resolved_in_release', 'set_resolved_in_commit'];
const MAX_ISSUES = 200;
const effectiveSeverity = sql<string>`coalesce(i.severity_override, i.severity)`;

/** The read side of alerting: windows over events for checks, spikes and the daily/weekly reports. */
export function createSqlAlertReportQueries(db: Kysely<Database>): ReportQueries {
  const eventsIn = (projectIds: number[], since: Date, until: Date) =>
    db
      .selectFrom('events as e')
      .innerJoin('issues as i', 'i.id', 'e.issue_id')
      .where('e.project_id', 'in', projectIds)
      .where('e.received_at', '>=', since.getTime())
      .where('e.received_at', '<', until.getTime());

  /** The newest event of each issue in the window, for the alert's event link. */
  const withLastEvents = async (
    rows: { issue_id: number; project_id: number; events: number | string; last_at: number | string }[],
  ): Promise<IssueWindowActivity[]> => {
    const out: IssueWindowActivity[] = [];
    for (const row of rows) {
      const last = await db
        .selectFrom('events')
        .select('event_id')
        .where('issue_id', '=', row.issue_id)
        .where('received_at', '=', Number(row.last_at))
        .executeTakeFirst();
      out.push({
        issueId: Number(row.issue_id),
        projectId: Number(row.project_id),
        events: Number(row.events),
        lastEventId: last?.event_id ?? '',
      });
    }
    return out;
  };
  const activity = (projectIds: number[], since: Date, until: Date) =>
    eventsIn(projectIds, since, until)
      .select([
        'e.issue_id',
        'e.project_id',
        (eb) => eb.fn.countAll<number>().as('events'),
        (eb) => eb.fn.max('e.received_at').as('last_at'),
      ])
      .groupBy(['e.issue_id', 'e.project_id']);

  return {
    async criticalActivity(projectIds, since, until) {
      if (projectIds.length === 0) return [];
      const rows = await activity(projectIds, since, until)
        .where((eb) => eb.or([eb('e.level', '=', 'fatal'), eb(effectiveSeverity, '=', 'blocking')]))
        .orderBy('e.issue_id')
        .limit(MAX_ISSUES)
        .execute();
      return withLastEvents(rows);
    },
    async busyIssues(projectIds, since, until, minEvents) {
      if (projectIds.length === 0) return [];
      const rows = await activity(projectIds, since, until)
        .having((eb) => eb.fn.countAll(), '>=', minEvents)
        .orderBy('e.issue_id')
        .limit(MAX_ISSUES)
        .execute();
      return withLastEvents(rows);
    },
    async countIssueEvents(issueIds, since, until) {
      if (issueIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('events')
        .select(['issue_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('issue_id', 'in', issueIds)
        .where('received_at', '>=', since.getTime())
        .where('received_at', '<', until.getTime())
        .groupBy('issue_id')
        .execute();
      return new Map(rows.map((r) => [Number(r.issue_id), Number(r.n)]));
    },
    periodStats: (projectIds, start, end, topLimit) =>
      projectIds.length === 0
        ? Promise.resolve(emptyStats())
        : periodStats(db, projectIds, start, end, topLimit),
    async userReportsAfter(afterId, limit) {
      const rows = await db
        .selectFrom('user_reports')
        .selectAll()
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((r): StoredUserReport => ({
        id: Number(r.id),
        projectId: Number(r.project_id),
        eventId: r.event_id,
        issueId: r.issue_id === null ? null : Number(r.issue_id),
        name: r.name,
        email: r.email,
        comments: r.comments,
        url: r.url,
        source: r.source as StoredUserReport['source'],
        createdAt: new Date(Number(r.created_at)),
      }));
    },
    async resolutionsAfter(afterId, limit) {
      const rows = await db
        .selectFrom('issue_activities')
        .select(['id', 'issue_id', 'project_id', 'created_at'])
        .where('id', '>', afterId)
        .where('type', 'in', RESOLUTION_TYPES)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: Number(r.id),
        issueId: Number(r.issue_id),
        projectId: Number(r.project_id),
        createdAt: new Date(Number(r.created_at)),
      }));
    },
    async failingRecurringJobs(since) {
      const rows = await db
        .selectFrom('jobs')
        .select([
          'kind',
          (eb) => eb.fn.countAll<number>().as('n'),
          (eb) => eb.fn.max('last_error').as('error'),
        ])
        // The scheduler's jobs and the report jobs it fans out per rule and cron slot.
        .where((eb) =>
          eb.or([eb('dedupe_key', 'like', 'schedule:%'), eb('dedupe_key', 'like', 'alerts.report:%')]),
        )
        .where('last_error', 'is not', null)
        .where((eb) =>
          eb.or([
            eb.and([eb('state', '=', 'failed'), eb('finished_at', '>=', since.getTime())]),
            eb.and([eb('state', '=', 'pending'), eb('attempts', '>=', 1)]),
          ]),
        )
        .groupBy('kind')
        .orderBy('kind')
        .execute();
      return rows.map((r) => ({ kind: r.kind, failures: Number(r.n), lastError: String(r.error ?? '') }));
    },
  };
}

function emptyStats(): PeriodStats {
  return {
    totalEvents: 0,
    bySeverity: emptySeverityCounts(),
    byProject: [],
    newIssues: 0,
    topIssues: [],
    eventsByDay: [],
    resolvedIssues: 0,
    regressions: 0,
    fixesCommitted: 0,
  };
}

async function periodStats(
  db: Kysely<Database>,
  projectIds: number[],
  start: Date,
  end: Date,
  topLimit: number,
): Promise<PeriodStats> {
  const [from, to] = [start.getTime(), end.getTime()];
  const events = db
    .selectFrom('events as e')
    .innerJoin('issues as i', 'i.id', 'e.issue_id')
    .where('e.project_id', 'in', projectIds)
    .where('e.received_at', '>=', from)
    .where('e.received_at', '<', to);
  const issuesIn = db.selectFrom('issues').where('project_id', 'in', projectIds);
  const count = sql<number>`count(*)`.as('n');
  const [severities, projects, newIssues, top, days, resolved, regressed, fixes] = await Promise.all([
    events
      .select([effectiveSeverity.as('severity'), count])
      .groupBy(effectiveSeverity)
      .execute(),
    events.select(['e.project_id', count]).groupBy('e.project_id').execute(),
    issuesIn
      .select(['project_id', count])
      .where('first_seen', '>=', from)
      .where('first_seen', '<', to)
      .groupBy('project_id')
      .execute(),
    events
      .select(['e.issue_id', count, sql<number>`count(distinct e.user_key)`.as('users')])
      .groupBy('e.issue_id')
      .orderBy('n', 'desc')
      .orderBy('e.issue_id')
      .limit(topLimit)
      .execute(),
    events
      .select([sql<number>`e.received_at / ${sql.lit(DAY_MS)}`.as('day'), count])
      .groupBy(sql`e.received_at / ${sql.lit(DAY_MS)}`)
      .execute(),
    issuesIn.select(count).where('resolved_at', '>=', from).where('resolved_at', '<', to).executeTakeFirst(),
    issuesIn
      .select(count)
      .where('substatus', '=', 'regressed')
      .where('last_seen', '>=', from)
      .where('last_seen', '<', to)
      .executeTakeFirst(),
    db
      .selectFrom('alert_pipeline_events')
      .select(count)
      .where('project_id', 'in', projectIds)
      .where('kind', '=', 'fix_committed')
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .executeTakeFirst(),
  ]);
  const bySeverity = emptySeverityCounts();
  for (const row of severities) {
    if ((SEVERITIES as readonly string[]).includes(row.severity))
      bySeverity[row.severity as Severity] += Number(row.n);
  }
  const newByProject = new Map(newIssues.map((r) => [Number(r.project_id), Number(r.n)]));
  const projectIdsSeen = new Set([...projects.map((p) => Number(p.project_id)), ...newByProject.keys()]);
  return {
    totalEvents: projects.reduce((sum, p) => sum + Number(p.n), 0),
    bySeverity,
    byProject: [...projectIdsSeen]
      .sort((a, b) => a - b)
      .map((projectId) => ({
        projectId,
        events: Number(projects.find((p) => Number(p.project_id) === projectId)?.n ?? 0),
        newIssues: newByProject.get(projectId) ?? 0,
      })),
    newIssues: [...newByProject.values()].reduce((a, b) => a + b, 0),
    topIssues: top.map((t) => ({ issueId: Number(t.issue_id), events: Number(t.n), users: Number(t.users) })),
    eventsByDay: days
      .map((d) => ({ day: new Date(Number(d.day) * DAY_MS).toISOString().slice(0, 10), events: Number(d.n) }))
      .sort((a, b) => a.day.localeCompare(b.day)),
    resolvedIssues: Number(resolved?.n ?? 0),
    regressions: Number(regressed?.n ?? 0),
    fixesCommitted: Number(fixes?.n ?? 0),
  };
}
