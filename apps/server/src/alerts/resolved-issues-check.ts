import type { AlertingContext } from './alerting-context.ts';
import type { AlertDispatcher } from './alert-dispatcher.ts';
import { followCursorFeed } from './follow-cursor-feed.ts';
import { loadIssueSubject, triggerFor } from './issue-alert-subject.ts';

/**
 * Issues resolved since the last tick fire `resolved` rules (PagerDuty resolves its incident, chat threads
 * hear about it), however they were resolved: the Web API, the dashboard, a release or commit, MCP, a bot
 * command. Read from the activity log, so no resolving code path has to remember to publish anything.
 */
export async function checkResolvedIssues(
  context: AlertingContext,
  dispatcher: AlertDispatcher,
): Promise<number> {
  const { storage } = context;
  return followCursorFeed(
    context,
    'cursor:resolutions',
    (after, limit) => storage.alerts.resolutionsAfter(after, limit),
    async (resolution) => {
      const subject = await loadIssueSubject(storage, context.baseUrl(), resolution.issueId, null);
      // Reopened since (or deleted): a resolve alert now would close a live incident.
      if (subject === null || subject.issue.status !== 'resolved') return;
      await dispatcher.dispatch(
        triggerFor('issue_resolved', subject, context.baseUrl()),
        subject.project,
        `resolution:${resolution.id}`,
      );
    },
  );
}
