import type { AlertingContext } from './alerting-context.ts';
import type { AlertDispatcher } from './alert-dispatcher.ts';
import { loadIssueSubject, triggerFor } from './issue-alert-subject.ts';
import { settled } from './settled-rows.ts';

const CURSOR = 'cursor:resolutions';
const PAGE = 100;
/** Resolutions from before alerting first ran are history: the cursor starts at the newest. */
async function latestResolutionId(context: AlertingContext): Promise<number> {
  let last = 0;
  for (;;) {
    const page = await context.storage.alerts.resolutionsAfter(last, 1000);
    if (page.length === 0) return last;
    last = page[page.length - 1]?.id ?? last;
  }
}

/**
 * Issues resolved since the last tick fire `resolved` rules (PagerDuty resolves its incident, chat threads
 * hear about it), however they were resolved: the Web API, the dashboard, a release or commit, MCP, a bot
 * command. Read from the activity log, so no resolving code path has to remember to publish anything. The
 * cursor moves by compare-and-set before the alerts go out, so two instances never both claim one.
 */
export async function checkResolvedIssues(
  context: AlertingContext,
  dispatcher: AlertDispatcher,
): Promise<number> {
  const { storage } = context;
  const cursor = await storage.alerts.readState(CURSOR);
  if (cursor === null) {
    await storage.alerts.writeState(CURSOR, { lastId: await latestResolutionId(context) }, null);
    return 0;
  }
  const lastId = Number((cursor.value as { lastId?: unknown }).lastId ?? 0);
  const resolutions = settled(await storage.alerts.resolutionsAfter(lastId, PAGE), context.clock.now());
  if (resolutions.length === 0) return 0;
  const newest = resolutions[resolutions.length - 1]?.id ?? lastId;
  if (!(await storage.alerts.writeState(CURSOR, { lastId: newest }, cursor.version))) return 0;
  for (const resolution of resolutions) {
    const subject = await loadIssueSubject(storage, context.baseUrl(), resolution.issueId, null);
    // Reopened since (or deleted): a resolve alert now would close a live incident.
    if (subject === null || subject.issue.status !== 'resolved') continue;
    await dispatcher.dispatch(
      triggerFor('issue_resolved', subject, context.baseUrl()),
      subject.project,
      `resolution:${resolution.id}`,
    );
  }
  return resolutions.length;
}
