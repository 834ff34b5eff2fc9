import { DEFAULT_PROJECT_SETTINGS } from '@fixloop/core';
import type { EventWrite, Issue, Project, SearchableIssue, Storage, User } from '@fixloop/core';
import { batchOf, createTestProject, eventWrite, unique } from './contract-fixtures.ts';

/** "Now" of the seeded world: searches compile relative dates against it. */
export const SEARCH_NOW = new Date('2026-03-10T12:00:00.000Z');
const HOUR = 3_600_000;
export const ago = (hours: number) => new Date(SEARCH_NOW.getTime() - hours * HOUR);

interface Spec {
  hash: string;
  title: string;
  culprit: string;
  type: string;
  value: string;
  level: EventWrite['event']['level'];
  severity: EventWrite['issue']['severity'];
  errorClass: EventWrite['issue']['errorClass'];
  events: { hoursAgo: number; tags: Record<string, string>; userKey?: string; release?: string }[];
}

function writesOf(projectId: number, spec: Spec): EventWrite[] {
  return spec.events.map((e) => {
    const base = eventWrite(projectId, {
      hashes: [spec.hash],
      timestamp: ago(e.hoursAgo),
      level: spec.level,
      release: e.release ?? null,
      userKey: e.userKey ?? null,
      tags: {
        level: spec.level,
        ...e.tags,
        ...(e.userKey ? { user: e.userKey } : {}),
        ...(e.release ? { release: e.release } : {}),
      },
      title: spec.title,
    });
    const metadata = { type: spec.type, value: spec.value };
    return {
      ...base,
      event: { ...base.event, culprit: spec.culprit, metadata },
      issue: {
        ...base.issue,
        culprit: spec.culprit,
        metadata,
        severity: spec.severity,
        errorClass: spec.errorClass,
      },
    };
  });
}

export interface SearchWorld {
  project: Project;
  other: Project;
  users: { ann: User; bob: User };
  ids: { a: number; b: number; c: number; d: number; e: number };
}

const prod = { environment: 'production' };

/** Five issues in two projects with distinct statuses, tags, users, times, overrides and people. */
export async function seedSearchWorld(storage: Storage): Promise<SearchWorld> {
  const project = await createTestProject(storage);
  const other = await storage.projects.createProject({
    organizationId: project.organizationId,
    slug: unique('other'),
    name: 'Other',
    platform: 'python',
    settings: DEFAULT_PROJECT_SETTINGS,
  });
  const specs: Record<'a' | 'b' | 'c' | 'd', Spec> = {
    a: {
      hash: unique('a'),
      title: 'TypeError: cannot read x',
      culprit: 'src/checkout.js in pay',
      type: 'TypeError',
      value: 'cannot read x',
      level: 'error',
      severity: 'annoying',
      errorClass: 'javascript',
      events: [
        {
          hoursAgo: 50,
          tags: { ...prod, url: 'https://shop.test/checkout', handled: 'no', server: 'web-8' },
          userKey: 'email:ann@example.com',
          release: '1.0',
        },
        { hoursAgo: 2, tags: { ...prod, handled: 'no' }, userKey: 'id:7', release: '1.0' },
        { hoursAgo: 1, tags: { ...prod, handled: 'no' }, userKey: 'id:7', release: '1.1' },
      ],
    },
    b: {
      hash: unique('b'),
      title: 'Warning: slow query',
      culprit: 'db/query.js in run',
      type: 'SlowQuery',
      value: 'took 3s',
      level: 'warning',
      severity: 'warning',
      errorClass: 'database',
      events: [
        { hoursAgo: 216, tags: { environment: 'staging' }, userKey: 'id:9', release: '2.0-beta' },
        { hoursAgo: 0.3, tags: { environment: 'staging' }, userKey: 'id:9', release: '2.0-beta' },
      ],
    },
    c: {
      hash: unique('c'),
      title: 'RangeError: Maximum call stack',
      culprit: 'src/tree.js in walk',
      type: 'RangeError',
      value: 'Maximum call stack size exceeded',
      level: 'fatal',
      severity: 'blocking',
      errorClass: 'runtime',
      events: [{ hoursAgo: 72, tags: { ...prod, handled: 'yes' } }],
    },
    d: {
      hash: unique('d'),
      title: 'payment 50%_off applied',
      culprit: 'billing',
      type: 'Message',
      value: 'payment 50%_off applied',
      level: 'info',
      severity: 'info',
      errorClass: 'unknown',
      events: [
        { hoursAgo: 30, tags: { ...prod, region: 'eu' }, release: '1.0' },
        { hoursAgo: 20, tags: { ...prod, region: 'eu' }, release: '1.0' },
        { hoursAgo: 10, tags: { ...prod, region: 'us' }, release: '1.0' },
        { hoursAgo: 5, tags: { ...prod, region: 'eu' }, release: '1.0' },
      ],
    },
  };
  const ids: Record<string, number> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const results = await storage.ingest.writeBatch(batchOf(writesOf(project.id, spec)));
    ids[name] = results[0]?.issueId ?? -1;
  }
  const e = writesOf(other.id, { ...specs.a, hash: unique('e'), events: [{ hoursAgo: 3, tags: prod }] });
  ids['e'] = (await storage.ingest.writeBatch(batchOf(e)))[0]?.issueId ?? -1;
  const ann = await storage.accounts.createUser({
    email: `${unique('ann')}@example.com`,
    name: 'Ann',
    passwordHash: 'x',
    isSuperuser: false,
    mustChangePassword: false,
  });
  const bob = await storage.accounts.createUser({
    email: `${unique('bob')}@example.com`,
    name: 'Bob',
    passwordHash: 'x',
    isSuperuser: false,
    mustChangePassword: false,
  });
  const { a, b, c, d } = ids as SearchWorld['ids'];
  await storage.issues.updateIssue(c, { status: 'resolved', substatus: null, resolvedAt: ago(1) });
  await storage.issues.updateIssue(d, { status: 'ignored', substatus: 'archived_forever' });
  await storage.issues.updateIssue(b, { severityOverride: 'blocking' });
  await storage.issueWorkflow.setAssignee(a, { type: 'user', id: ann.id });
  await storage.issueWorkflow.setAssignee(d, { type: 'team', id: 42 });
  await storage.issueWorkflow.setBookmark(b, ann.id, true);
  await storage.issueWorkflow.setBookmark(a, bob.id, true);
  return { project, other, users: { ann, bob }, ids: ids as SearchWorld['ids'] };
}

/** What the in-memory evaluator sees of a stored issue, read back through the stores. */
export async function searchableIssue(
  storage: Storage,
  issue: Issue,
  slug: string,
  bookmarkers: number[],
): Promise<SearchableIssue> {
  const tags = await storage.issues.listTagValues(issue.id, undefined, 1000);
  const states = await storage.issueWorkflow.getStates([issue.id], null);
  const bookmarkedBy: number[] = [];
  for (const userId of bookmarkers) {
    if ((await storage.issueWorkflow.getStates([issue.id], userId)).get(issue.id)?.isBookmarked)
      bookmarkedBy.push(userId);
  }
  return {
    issue,
    projectSlug: slug,
    tags: tags.map((t) => ({ key: t.key, value: t.value })),
    assignee: states.get(issue.id)?.assignee ?? null,
    bookmarkedBy,
  };
}
