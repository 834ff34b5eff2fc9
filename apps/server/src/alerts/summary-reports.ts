import { buildDailySummary, buildWeeklyReport } from '@fixloop/core';
import type { Issue, PeriodStats, Storage } from '@fixloop/core';
import type { AlertingContext } from './alerting-context.ts';
import type { AlertDispatcher } from './alert-dispatcher.ts';
import { reportScope, type ReportScope } from './report-scope.ts';

const DAY_MS = 86_400_000;
const TOP_ISSUES = 10;

async function statsFor(
  storage: Storage,
  scope: ReportScope,
  start: number,
  end: number,
): Promise<PeriodStats> {
  const ids = scope.projects.map((p) => p.id);
  return storage.alerts.periodStats(ids, new Date(start), new Date(end), TOP_ISSUES);
}

async function topIssues(storage: Storage, stats: PeriodStats): Promise<Map<number, Issue>> {
  const issues = await Promise.all(stats.topIssues.map((t) => storage.issues.getIssue(t.issueId)));
  return new Map(issues.filter((i): i is Issue => i !== null).map((i) => [i.id, i]));
}

/**
 * The daily summary (last 24 h against the 24 h before) or the weekly report (7 days against the 7 before)
 * of a rule at its cron slot, queued for each of the rule's channels. Keyed by rule, slot and channel: a
 * slot is reported once however many instances or retries run it.
 */
export async function runSummaryReport(
  context: AlertingContext,
  dispatcher: AlertDispatcher,
  report: 'daily_summary' | 'weekly_report',
  ruleId: number,
  slot: Date,
): Promise<void> {
  const scope = await reportScope(context.storage, ruleId, context.clock.now());
  // Summaries are e-mail templates; a rule that also names chat channels reports to its e-mail ones only.
  const channels = scope?.channels.filter((c) => c.kind === 'email') ?? [];
  if (scope === null || channels.length === 0) return;
  const days = report === 'daily_summary' ? 1 : 7;
  const end = slot.getTime();
  const current = await statsFor(context.storage, scope, end - days * DAY_MS, end);
  const previous = await statsFor(context.storage, scope, end - 2 * days * DAY_MS, end - days * DAY_MS);
  const input = {
    current,
    previous,
    periodStart: new Date(end - days * DAY_MS),
    periodEnd: slot,
    projects: scope.projects,
    issues: await topIssues(context.storage, current),
    baseUrl: context.baseUrl(),
  };
  const payload =
    report === 'daily_summary'
      ? { type: 'daily_summary' as const, summary: buildDailySummary(input) }
      : { type: 'weekly_report' as const, report: buildWeeklyReport(input) };
  const label = report === 'daily_summary' ? 'daily summary' : 'weekly report';
  for (const channel of channels) {
    await dispatcher.queueDelivery(
      channel,
      {
        kind: report,
        ruleId,
        issueId: null,
        summary: `${label}: ${current.totalEvents} events, ${current.newIssues} new issues`,
        dedupeKey: `report:${ruleId}:${slot.toISOString()}:channel:${channel.id}`,
      },
      payload,
    );
  }
}
