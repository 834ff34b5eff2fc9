import { describe, expect, it } from 'vitest';
import { parseIssueSearch } from './compile-issue-search.ts';
import type { IssueSearchFilter } from './issue-search-filter.ts';

const now = new Date('2026-03-10T12:00:00.000Z');
const NOW = now.getTime();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const context: { now: Date; userId: number | null } = { now, userId: 7 };

function compile(query: string, ctx = context): IssueSearchFilter[] {
  const result = parseIssueSearch(query, ctx);
  if (!result.ok) throw new Error(`unexpected error: ${result.error.message}`);
  return result.filters;
}

function compileError(query: string) {
  const result = parseIssueSearch(query, context);
  if (result.ok) throw new Error(`expected an error for ${query}`);
  return result.error;
}

const exact = (value: string) => ({ kind: 'exact', value });

describe('compileIssueSearch: status and people', () => {
  it.each([
    'unresolved',
    'resolved',
    'ignored',
    'archived',
    'regressed',
    'assigned',
    'unassigned',
    'for_review',
    'new',
    'escalating',
    'ongoing',
  ])('accepts is:%s', (value) => {
    expect(compile(`is:${value}`)).toEqual([
      { kind: 'is', values: [value], negated: false, reviewSince: NOW - 7 * DAY },
    ]);
  });

  it('accepts negated and listed is: values, case-insensitively', () => {
    expect(compile('!is:Resolved')).toMatchObject([{ kind: 'is', values: ['resolved'], negated: true }]);
    expect(compile('is:[unresolved, ignored]')).toMatchObject([{ values: ['unresolved', 'ignored'] }]);
  });

  it('rejects unknown is: values, wildcards and comparisons', () => {
    expect(compileError('level:error is:linked')).toEqual({
      message: expect.stringMatching(/Invalid value "linked" for "is": expected one of unresolved/),
      position: 12,
    });
    expect(compileError('is:unres*').message).toMatch(/does not support wildcards/);
    expect(compileError('is:>resolved').message).toMatch(/does not support ">"/);
  });

  it('compiles assigned: me, none, teams, ids and emails', () => {
    expect(compile('assigned:me')).toEqual([
      { kind: 'assigned', refs: [{ type: 'user', id: 7 }], negated: false },
    ]);
    expect(compile('assigned:[none, #backend, team:3, user:12, 44, Ann@Example.com]')).toEqual([
      {
        kind: 'assigned',
        refs: [
          { type: 'none' },
          { type: 'team_slug', slug: 'backend' },
          { type: 'team', id: 3 },
          { type: 'user', id: 12 },
          { type: 'user', id: 44 },
          { type: 'email', email: 'ann@example.com' },
        ],
        negated: false,
      },
    ]);
    expect(compile('!assigned_to:me')).toMatchObject([{ kind: 'assigned', negated: true }]);
    expect(compileError('assigned:bob').message).toMatch(/expected me, none, #team or an email/);
  });

  it('makes `me` match nobody for a caller without a user', () => {
    expect(compile('assigned:me bookmarks:me', { now, userId: null })).toEqual([
      { kind: 'assigned', refs: [{ type: 'user', id: -1 }], negated: false },
      { kind: 'bookmarked', refs: [{ type: 'user', id: -1 }], negated: false },
    ]);
  });

  it('compiles bookmarks: and has:assignee', () => {
    expect(compile('bookmarks:me bookmarks:a@b.c')).toEqual([
      { kind: 'bookmarked', refs: [{ type: 'user', id: 7 }], negated: false },
      { kind: 'bookmarked', refs: [{ type: 'email', email: 'a@b.c' }], negated: false },
    ]);
    expect(compile('has:assignee')).toEqual([{ kind: 'assigned', refs: [{ type: 'any' }], negated: false }]);
    expect(compileError('bookmarks:#team').message).toMatch(/expected me or an email/);
  });
});

describe('compileIssueSearch: columns, tags and text', () => {
  it('compiles level, severity and errorClass (with aliases) and validates their values', () => {
    expect(compile('level:[error, fatal]')).toEqual([
      { kind: 'column', column: 'level', patterns: [exact('error'), exact('fatal')], negated: false },
    ]);
    expect(compile('severity:blocking !errorClass:network error_class:db*')).toEqual([
      { kind: 'column', column: 'severity', patterns: [exact('blocking')], negated: false },
      { kind: 'column', column: 'errorClass', patterns: [exact('network')], negated: true },
      {
        kind: 'column',
        column: 'errorClass',
        patterns: [{ kind: 'wildcard', parts: ['db', ''] }],
        negated: false,
      },
    ]);
    expect(compileError('level:critical').message).toMatch(
      /expected one of fatal, error, warning, info, debug/,
    );
    expect(compileError('severity:high').message).toMatch(/expected one of blocking/);
    expect(compileError('errorClass:cosmic').message).toMatch(/expected one of javascript/);
  });

  it('compiles error.type, error.value, title, platform and first release as issue columns', () => {
    expect(
      compile('error.type:TypeError error.value:"x is *" title:Boom platform:node firstRelease:1.0'),
    ).toEqual([
      { kind: 'column', column: 'errorType', patterns: [exact('TypeError')], negated: false },
      {
        kind: 'column',
        column: 'errorValue',
        patterns: [{ kind: 'wildcard', parts: ['x is ', ''] }],
        negated: false,
      },
      { kind: 'column', column: 'title', patterns: [exact('Boom')], negated: false },
      { kind: 'column', column: 'platform', patterns: [exact('node')], negated: false },
      { kind: 'column', column: 'firstRelease', patterns: [exact('1.0')], negated: false },
    ]);
  });

  it('compiles environment, release, url and custom tags, with wildcards and negation', () => {
    expect(
      compile('environment:production release:[1.0, 2.*] url:*checkout* server:web-8 !tags[region]:eu'),
    ).toEqual([
      { kind: 'tag', key: 'environment', patterns: [exact('production')], negated: false },
      {
        kind: 'tag',
        key: 'release',
        patterns: [exact('1.0'), { kind: 'wildcard', parts: ['2.', ''] }],
        negated: false,
      },
      {
        kind: 'tag',
        key: 'url',
        patterns: [{ kind: 'wildcard', parts: ['', 'checkout', ''] }],
        negated: false,
      },
      { kind: 'tag', key: 'server', patterns: [exact('web-8')], negated: false },
      { kind: 'tag', key: 'region', patterns: [exact('eu')], negated: true },
    ]);
    expect(compileError('environment:>prod').message).toMatch(/"environment" does not support ">"/);
  });

  it('compiles user.* fields to the user tag with its prefix', () => {
    expect(compile('user.email:ann@example.com user.id:42 user.username:ann* user.ip:1.2.3.4')).toEqual([
      { kind: 'tag', key: 'user', patterns: [exact('email:ann@example.com')], negated: false },
      { kind: 'tag', key: 'user', patterns: [exact('id:42')], negated: false },
      {
        kind: 'tag',
        key: 'user',
        patterns: [{ kind: 'wildcard', parts: ['username:ann', ''] }],
        negated: false,
      },
      { kind: 'tag', key: 'user', patterns: [exact('ip:1.2.3.4')], negated: false },
    ]);
    expect(compile('user.email:*@example.com')).toEqual([
      {
        kind: 'tag',
        key: 'user',
        patterns: [{ kind: 'wildcard', parts: ['email:', '@example.com'] }],
        negated: false,
      },
    ]);
  });

  it('compiles error.handled / error.unhandled to the handled tag', () => {
    expect(compile('error.handled:true error.handled:0 error.unhandled:yes !error.handled:no')).toEqual([
      { kind: 'tag', key: 'handled', patterns: [exact('yes')], negated: false },
      { kind: 'tag', key: 'handled', patterns: [exact('no')], negated: false },
      { kind: 'tag', key: 'handled', patterns: [exact('no')], negated: false },
      { kind: 'tag', key: 'handled', patterns: [exact('no')], negated: true },
    ]);
    expect(compileError('error.handled:maybe').message).toMatch(/expected true or false/);
    expect(compile('error.mechanism:onerror')).toMatchObject([{ kind: 'tag', key: 'mechanism' }]);
  });

  it('compiles has: to tag presence', () => {
    expect(compile('has:release !has:user has:error.handled has:user.email')).toEqual([
      { kind: 'tag', key: 'release', patterns: null, negated: false },
      { kind: 'tag', key: 'user', patterns: null, negated: true },
      { kind: 'tag', key: 'handled', patterns: null, negated: false },
      { kind: 'tag', key: 'user', patterns: [{ kind: 'wildcard', parts: ['email:', ''] }], negated: false },
    ]);
    expect(compileError('has:[a,b]').message).toMatch(/does not take a list/);
    expect(compileError('has:rel*').message).toMatch(/does not support wildcards/);
  });

  it('compiles free text and message: to contains-patterns', () => {
    expect(compile('checkout "card declined" !timeout pay*ment')).toEqual([
      {
        kind: 'text',
        target: 'any',
        patterns: [{ kind: 'wildcard', parts: ['', 'checkout', ''] }],
        negated: false,
      },
      {
        kind: 'text',
        target: 'any',
        patterns: [{ kind: 'wildcard', parts: ['', 'card declined', ''] }],
        negated: false,
      },
      {
        kind: 'text',
        target: 'any',
        patterns: [{ kind: 'wildcard', parts: ['', 'timeout', ''] }],
        negated: true,
      },
      {
        kind: 'text',
        target: 'any',
        patterns: [{ kind: 'wildcard', parts: ['', 'pay', 'ment', ''] }],
        negated: false,
      },
    ]);
    expect(compile('message:[refused, "timed out"]')).toEqual([
      {
        kind: 'text',
        target: 'message',
        patterns: [
          { kind: 'wildcard', parts: ['', 'refused', ''] },
          { kind: 'wildcard', parts: ['', 'timed out', ''] },
        ],
        negated: false,
      },
    ]);
    expect(compile('*prefix')).toMatchObject([{ patterns: [{ parts: ['', 'prefix', ''] }] }]);
  });

  it('compiles project: to slugs', () => {
    expect(compile('project:[web, api]')).toEqual([
      { kind: 'project', slugs: ['web', 'api'], negated: false },
    ]);
  });
});

describe('compileIssueSearch: dates and numbers', () => {
  it.each([
    ['age:-24h', { column: 'firstSeen', comparison: '>=', value: NOW - DAY }],
    ['age:24h', { column: 'firstSeen', comparison: '>=', value: NOW - DAY }],
    ['age:+24h', { column: 'firstSeen', comparison: '<', value: NOW - DAY }],
    ['firstSeen:-1h', { column: 'firstSeen', comparison: '>=', value: NOW - HOUR }],
    ['first_seen:-7d', { column: 'firstSeen', comparison: '>=', value: NOW - 7 * DAY }],
    ['lastSeen:-2w', { column: 'lastSeen', comparison: '>=', value: NOW - 14 * DAY }],
    ['lastSeen:-30m', { column: 'lastSeen', comparison: '>=', value: NOW - 30 * 60_000 }],
    ['last_seen:+90s', { column: 'lastSeen', comparison: '<', value: NOW - 90_000 }],
    ['lastSeen:>-1h', { column: 'lastSeen', comparison: '>', value: NOW - HOUR }],
    [
      'firstSeen:>2024-01-01',
      { column: 'firstSeen', comparison: '>', value: Date.parse('2024-01-01T00:00:00Z') },
    ],
    [
      'firstSeen:<2024-01-01T10:30:00',
      { column: 'firstSeen', comparison: '<', value: Date.parse('2024-01-01T10:30:00Z') },
    ],
    [
      'lastSeen:>=2024-01-01T10:30:00+02:00',
      { column: 'lastSeen', comparison: '>=', value: Date.parse('2024-01-01T08:30:00Z') },
    ],
    [
      'lastSeen:<=2024-01-01T10:30:00.250Z',
      { column: 'lastSeen', comparison: '<=', value: Date.parse('2024-01-01T10:30:00.250Z') },
    ],
    ['times_seen:>10', { column: 'timesSeen', comparison: '>', value: 10 }],
    ['timesSeen:<=3', { column: 'timesSeen', comparison: '<=', value: 3 }],
    ['times_seen:1.5k', { column: 'timesSeen', comparison: '=', value: 1500 }],
    ['user_count:>=2', { column: 'userCount', comparison: '>=', value: 2 }],
  ])('compiles %s', (query, expected) => {
    expect(compile(query)).toEqual([{ kind: 'compare', negated: false, ...expected }]);
  });

  it('turns a bare date into that whole UTC day, and keeps negation', () => {
    const day = Date.parse('2024-02-29T00:00:00Z');
    expect(compile('!firstSeen:2024-02-29')).toEqual([
      { kind: 'range', column: 'firstSeen', from: day, to: day + DAY, negated: true },
    ]);
    expect(compile('!times_seen:>10')).toEqual([
      { kind: 'compare', column: 'timesSeen', comparison: '>', value: 10, negated: true },
    ]);
  });

  it.each([
    ['age:yesterday', /Invalid date "yesterday" for "age"/],
    ['firstSeen:2024-13-45', /Invalid date/],
    ['lastSeen:-5y', /Invalid date/],
    ['times_seen:many', /Invalid number "many" for "times_seen"/],
    ['times_seen:-1', /Invalid number/],
    ['times_seen:[1,2]', /does not take a list/],
    ['times_seen:1*', /does not support wildcards/],
    ['age:[-1h]', /does not take a list/],
  ])('rejects %s', (query, message) => {
    expect(compileError(query).message).toMatch(message);
  });
});

describe('compileIssueSearch: Sentry issue kinds', () => {
  it('compiles issue.priority to the severities the Issue JSON maps to that priority', () => {
    expect(compile('issue.priority:[high, Medium]')).toEqual([
      {
        kind: 'column',
        column: 'severity',
        patterns: [exact('blocking'), exact('annoying')],
        negated: false,
      },
    ]);
    expect(compile('!issue.priority:low')).toEqual([
      { kind: 'column', column: 'severity', patterns: [exact('warning'), exact('info')], negated: true },
    ]);
    expect(compileError('issue.priority:urgent').message).toMatch(/expected one of high, medium, low/);
  });

  it('makes issue.category:error match every issue and other categories none', () => {
    const always = { kind: 'compare', column: 'timesSeen', comparison: '>=', value: 0, negated: false };
    expect(compile('issue.category:error issue.type:[error]')).toEqual([always, always]);
    expect(compile('issue.category:performance')).toEqual([{ ...always, comparison: '<' }]);
    expect(compile('!issue.category:error')).toEqual([{ ...always, negated: true }]);
    expect(compileError('issue.category:err*').message).toMatch(/does not support wildcards/);
  });
});
