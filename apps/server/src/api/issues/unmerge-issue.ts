import { AppError, planUnmerge } from '@fixloop/core';
import type { Issue, IssueSeed, StoredEvent } from '@fixloop/core';
import { computeGrouping } from '@fixloop/grouping';
import { classifyIssue } from '@fixloop/normalize';
import type { ApiServices } from '../api-route.ts';
import type { Principal } from '../principal.ts';
import type { ResolvedIssueAccess } from './issue-access.ts';

/** Past events examined for an unmerge; older ones stay where they are (their hashes still move). */
const MAX_EVENTS = 10_000;
const PAGE = 500;

/**
 * Sentry's unmerge: the given hashes (and the events that grouped by them) leave the issue for a new
 * one, and later events with those hashes go there. Events do not store their hashes, so they are
 * grouped again from their stored payload, the same way ingest grouped them.
 */
export async function unmergeIssue(
  services: ApiServices,
  principal: Principal,
  access: ResolvedIssueAccess,
  hashes: string[],
): Promise<Issue> {
  const { issue } = access;
  const current = await services.storage.issues.listHashes(issue.id);
  const wanted = [...new Set(hashes)];
  const unknown = wanted.filter((h) => !current.includes(h));
  if (wanted.length === 0 || unknown.length > 0) {
    throw invalid(unknown.length > 0 ? `not hashes of this issue: ${unknown.join(', ')}` : 'no hashes given');
  }
  if (wanted.length === current.length) throw invalid('an issue must keep at least one hash');
  const moving = await eventsOfHashes(services, issue.id, current, new Set(wanted));
  const move = planUnmerge(wanted, moving.map(toUnmergeEvent));
  const created = await services.storage.issueWorkflow.unmergeHashes({
    sourceIssueId: issue.id,
    move,
    seed: seedOf(issue, moving.at(-1) ?? null),
    userId: principal.user?.id ?? null,
    at: services.clock.now(),
  });
  await services.audit.record(principal, {
    organizationId: access.organization.id,
    action: 'issue.unmerge',
    target: `issue:${issue.id}`,
    before: { hashes: current, timesSeen: issue.timesSeen },
    after: { newIssue: created.id, hashes: wanted, movedEvents: move.eventIds.length },
  });
  return created;
}

/** Events (oldest first) whose grouping picks one of `moving` before any other hash of the issue. */
async function eventsOfHashes(
  services: ApiServices,
  issueId: number,
  issueHashes: string[],
  moving: Set<string>,
): Promise<StoredEvent[]> {
  const own = new Set(issueHashes);
  const out: StoredEvent[] = [];
  for (let offset = 0; offset < MAX_EVENTS; offset += PAGE) {
    const page = await services.storage.events.listIssueEvents(issueId, {
      limit: PAGE,
      offset,
      order: 'oldest',
    });
    for (const event of page) {
      const grouping = computeGrouping(event.payload);
      const first = [grouping.primaryHash, ...grouping.hashes].find((h) => own.has(h));
      if (first !== undefined && moving.has(first)) out.push(event);
    }
    if (page.length < PAGE) break;
  }
  return out;
}

function toUnmergeEvent(e: StoredEvent) {
  return {
    eventId: e.eventId,
    timestamp: e.timestamp,
    level: e.level,
    release: e.release,
    userKey: e.userKey,
    tags: e.tags,
  };
}

/** The new issue looks like its newest event, or like the source when no past event moves. */
function seedOf(issue: Issue, newest: StoredEvent | null): IssueSeed {
  if (newest === null) {
    const { title, culprit, type, level, platform, metadata, severity, errorClass } = issue;
    return { title, culprit, type, level, platform, metadata, severity, errorClass };
  }
  const { severity, errorClass } = classifyIssue(newest.payload);
  return {
    title: newest.title,
    culprit: newest.culprit,
    type: newest.type,
    level: newest.level,
    platform: newest.platform,
    metadata: newest.metadata,
    severity,
    errorClass,
  };
}

function invalid(message: string): AppError {
  return new AppError('bad_request', `Invalid hashes: ${message}`, { fields: { id: [message] } });
}
