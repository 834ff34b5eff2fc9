import { describe, expect, it } from 'vitest';
import type { Issue } from '../issue.ts';
import { parseIssueSearch } from './compile-issue-search.ts';
import { matchesIssueSearch } from './matches-issue-search.ts';
import type { SearchableIssue } from './matches-issue-search.ts';

const now = new Date('2026-03-10T12:00:00.000Z');
const HOUR = 3_600_000;

function issue(overrides: Partial<Issue> = {}): Issue {
  return {
    id: 1,
    projectId: 1,
    shortId: 1,
    primaryHash: 'h',
    title: 'TypeError: Cannot read properties of undefined',
    culprit: 'src/checkout.js in pay',
    type: 'error',
    level: 'error',
    platform: 'javascript',
    metadata: { type: 'TypeError', value: 'Cannot read properties of undefined' },
    status: 'unresolved',
    substatus: 'ongoing',
    statusDetails: {},
    severity: 'annoying',
    errorClass: 'javascript',
    severityOverride: null,
    errorClassOverride: null,
    firstSeen: new Date(now.getTime() - 48 * HOUR),
    lastSeen: new Date(now.getTime() - HOUR),
    timesSeen: 12,
    userCount: 3,
    firstRelease: '1.0.0',
    lastRelease: '1.2.0',
    resolvedAt: null,
    ...overrides,
  };
}

function item(
  overrides: Partial<SearchableIssue> = {},
  issueOverrides: Partial<Issue> = {},
): SearchableIssue {
  return {
    issue: issue(issueOverrides),
    projectSlug: 'web',
    tags: [
      { key: 'environment', value: 'production' },
      { key: 'release', value: '1.2.0' },
      { key: 'user', value: 'email:ann@example.com' },
      { key: 'handled', value: 'no' },
      { key: 'url', value: 'https://shop.example.com/checkout' },
      { key: 'server', value: 'web-8' },
    ],
    assignee: { type: 'user', id: 7 },
    bookmarkedBy: [7],
    ...overrides,
  };
}

function matches(query: string, target: SearchableIssue = item()): boolean {
  const result = parseIssueSearch(query, { now, userId: 7 });
  if (!result.ok) throw new Error(result.error.message);
  return matchesIssueSearch(target, result.filters);
}

describe('matchesIssueSearch', () => {
  it.each([
    ['', true],
    ['is:unresolved', true],
    ['is:resolved', false],
    ['!is:resolved', true],
    ['is:[resolved, unresolved]', true],
    ['is:ongoing', true],
    ['is:new', false],
    ['is:assigned', true],
    ['is:unassigned', false],
    ['level:error', true],
    ['level:[fatal, warning]', false],
    ['!level:error', false],
    ['severity:annoying errorClass:javascript', true],
    ['error.type:TypeError', true],
    ['error.type:typeerror', false],
    ['error.type:type*', true],
    ['error.value:*properties*', true],
    ['environment:production', true],
    ['environment:staging', false],
    ['!environment:staging', true],
    ['environment:prod*', true],
    ['release:[1.0.0, 1.2.0]', true],
    ['user.email:ann@example.com', true],
    ['user.email:*@example.com', true],
    ['user.email:bob@example.com', false],
    ['error.handled:false', true],
    ['error.unhandled:true', true],
    ['url:*checkout', true],
    ['server:web-8', true],
    ['has:server', true],
    ['has:region', false],
    ['!has:region', true],
    ['has:user.email', true],
    ['assigned:me', true],
    ['assigned:none', false],
    ['assigned:team:7', false],
    ['bookmarks:me', true],
    ['age:-72h', true],
    ['age:-24h', false],
    ['age:+24h', true],
    ['lastSeen:-2h', true],
    ['lastSeen:-30m', false],
    ['times_seen:>10', true],
    ['times_seen:>12', false],
    ['times_seen:>=12', true],
    ['times_seen:12', true],
    ['!times_seen:12', false],
    ['user_count:<3', false],
    ['firstSeen:2026-03-08', true],
    ['firstSeen:2026-03-09', false],
    ['firstRelease:1.0.0', true],
    ['project:web', true],
    ['project:api', false],
    ['cannot read', true],
    ['"cannot read"', true],
    ['checkout.js', true],
    ['!checkout', false],
    ['message:checkout', false],
    ['message:"read properties"', true],
    ['title:TypeError*', true],
    ['platform:javascript', true],
    ['is:unresolved level:error environment:production times_seen:>5 assigned:me', true],
    ['is:unresolved level:error environment:staging', false],
  ])('%j -> %s', (query, expected) => {
    expect(matches(query)).toBe(expected);
  });

  it('uses the effective severity and error class', () => {
    const overridden = item({}, { severityOverride: 'blocking', errorClassOverride: 'database' });
    expect(matches('severity:blocking errorClass:database', overridden)).toBe(true);
    expect(matches('severity:annoying', overridden)).toBe(false);
  });

  it('treats archived as ignored and substatuses as unresolved only', () => {
    const ignored = item({}, { status: 'ignored', substatus: 'archived_forever' });
    expect(matches('is:archived', ignored)).toBe(true);
    expect(matches('is:ignored', ignored)).toBe(true);
    expect(matches('is:unresolved', ignored)).toBe(false);
    const regressedButResolved = item({}, { status: 'resolved', substatus: 'regressed' });
    expect(matches('is:regressed', regressedButResolved)).toBe(false);
  });

  it('limits for_review to new, regressed or escalating issues seen in the last week', () => {
    expect(matches('is:for_review', item({}, { substatus: 'new' }))).toBe(true);
    expect(matches('is:for_review', item({}, { substatus: 'ongoing' }))).toBe(false);
    const stale = item({}, { substatus: 'regressed', lastSeen: new Date(now.getTime() - 8 * 24 * HOUR) });
    expect(matches('is:for_review', stale)).toBe(false);
  });

  it('matches unassigned issues and team assignees', () => {
    const none = item({ assignee: null });
    expect(matches('is:unassigned', none)).toBe(true);
    expect(matches('assigned:none', none)).toBe(true);
    expect(matches('!has:assignee', none)).toBe(true);
    expect(matches('assigned:team:3', item({ assignee: { type: 'team', id: 3 } }))).toBe(true);
    // Emails and team slugs must be resolved to ids first; unresolved they match nothing.
    expect(matches('assigned:ann@example.com')).toBe(false);
  });
});
