import { evaluateAlertRules } from '@fixloop/core';
import type { AlertingContext } from './alerting-context.ts';
import type { AlertDispatcher } from './alert-dispatcher.ts';
import { loadIssueSubject, triggerFor } from './issue-alert-subject.ts';
import { rulesForProject } from './project-alert-rules.ts';
import { settled } from './settled-rows.ts';

const CURSOR = 'cursor:user-reports';
const PAGE = 100;

/** Reports that arrived before alerting first ran are history, not news: the cursor starts at the newest. */
async function latestReportId(context: AlertingContext): Promise<number> {
  let last = 0;
  for (;;) {
    const page = await context.storage.alerts.userReportsAfter(last, 1000);
    if (page.length === 0) return last;
    last = page[page.length - 1]?.id ?? last;
  }
}

/**
 * New user reports (feedback) about an issue fire `user_report` rules. The cursor moves by compare-and-set
 * BEFORE the alerts go out, so two instances never both claim the same reports.
 */
export async function checkUserReports(
  context: AlertingContext,
  dispatcher: AlertDispatcher,
): Promise<number> {
  const { storage } = context;
  const cursor = await storage.alerts.readState(CURSOR);
  if (cursor === null) {
    await storage.alerts.writeState(CURSOR, { lastId: await latestReportId(context) }, null);
    return 0;
  }
  const lastId = Number((cursor.value as { lastId?: unknown }).lastId ?? 0);
  const reports = settled(await storage.alerts.userReportsAfter(lastId, PAGE), context.clock.now());
  if (reports.length === 0) return 0;
  const newest = reports[reports.length - 1]?.id ?? lastId;
  if (!(await storage.alerts.writeState(CURSOR, { lastId: newest }, cursor.version))) return 0;
  const now = context.clock.now();
  for (const report of reports) {
    if (report.issueId === null) continue;
    const subject = await loadIssueSubject(storage, context.baseUrl(), report.issueId, report.eventId);
    if (subject === null) continue;
    const { rules } = await rulesForProject(storage, subject.project, now);
    const matches = evaluateAlertRules(rules, triggerFor('user_report', subject, context.baseUrl()), now);
    await dispatcher.deliverMatches(matches, subject.project.organizationId, `user-report:${report.id}`);
  }
  return reports.length;
}
