import { evaluateAlertRules } from '@fixloop/core';
import type { AlertingContext } from './alerting-context.ts';
import type { AlertDispatcher } from './alert-dispatcher.ts';
import { followCursorFeed } from './follow-cursor-feed.ts';
import { loadIssueSubject, triggerFor } from './issue-alert-subject.ts';
import { rulesForProject } from './project-alert-rules.ts';

/** New user reports (feedback) about an issue fire `user_report` rules, once across instances. */
export async function checkUserReports(
  context: AlertingContext,
  dispatcher: AlertDispatcher,
): Promise<number> {
  const { storage } = context;
  return followCursorFeed(
    context,
    'cursor:user-reports',
    (after, limit) => storage.alerts.userReportsAfter(after, limit),
    async (report) => {
      if (report.issueId === null) return;
      const subject = await loadIssueSubject(storage, context.baseUrl(), report.issueId, report.eventId);
      if (subject === null) return;
      const now = context.clock.now();
      const { rules } = await rulesForProject(storage, subject.project, now);
      const matches = evaluateAlertRules(rules, triggerFor('user_report', subject, context.baseUrl()), now);
      await dispatcher.deliverMatches(matches, subject.project.organizationId, `user-report:${report.id}`);
    },
  );
}
