import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../../events/event-types.ts';
import { parseEventSearch } from './compile-event-search.ts';
import type { EventSearchFilter } from './compile-event-search.ts';
import { matchesEventSearch } from './matches-event-search.ts';

const context = { now: new Date('2026-03-10T12:00:00.000Z'), userId: 7 };
const exact = (value: string) => ({ kind: 'exact', value });

function compile(query: string): EventSearchFilter[] {
  const result = parseEventSearch(query, context);
  if (!result.ok) throw new Error(`unexpected error: ${result.error.message}`);
  return result.filters;
}

const event: EventRecord = {
  projectId: 1,
  eventId: 'a'.repeat(32),
  timestamp: context.now,
  receivedAt: context.now,
  type: 'error',
  level: 'warning',
  platform: 'node',
  environment: 'staging',
  release: null,
  title: 'TypeError: card declined',
  culprit: 'app/checkout.js in pay',
  message: '',
  metadata: { type: 'TypeError', value: 'card declined' },
  userKey: 'email:ann@example.com',
  tags: { browser: 'Firefox', environment: 'staging' },
  handled: null,
  payload: {},
};

describe('parseEventSearch', () => {
  it('maps event columns to fields and other keys to tags', () => {
    expect(compile('environment:staging release:web@1.0 level:warning user.email:a@b.c')).toEqual([
      { kind: 'field', field: 'environment', patterns: [exact('staging')], negated: false },
      { kind: 'field', field: 'release', patterns: [exact('web@1.0')], negated: false },
      { kind: 'field', field: 'level', patterns: [exact('warning')], negated: false },
      { kind: 'field', field: 'user', patterns: [exact('email:a@b.c')], negated: false },
    ]);
    expect(compile('!browser:Firefox has:release')).toEqual([
      { kind: 'tag', key: 'browser', patterns: [exact('Firefox')], negated: true },
      { kind: 'field', field: 'release', patterns: null, negated: false },
    ]);
    expect(compile('error.type:Type*')[0]).toMatchObject({ kind: 'field', field: 'errorType' });
    expect(compile('declined')[0]).toMatchObject({ kind: 'text', target: 'any' });
  });

  it.each([
    ['is:unresolved', 0],
    ['browser:x times_seen:>3', 10],
    ['assigned:me', 0],
    ['age:-24h', 0],
    ['severity:blocking', 0],
    ['first_release:web@1.0', 0],
  ])('rejects issue-only keys at their position: %s', (query, position) => {
    const result = parseEventSearch(query, context);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.position).toBe(position);
      expect(result.error.message).toContain('describes issues, not events');
    }
  });

  it('passes on syntax errors of the issue search', () => {
    const result = parseEventSearch('level:bogus', context);
    expect(result.ok).toBe(false);
  });
});

describe('matchesEventSearch', () => {
  it.each([
    ['environment:staging', true],
    ['environment:production', false],
    ['!environment:production', true],
    ['has:release', false],
    ['!has:release', true],
    ['level:[warning, error]', true],
    ['user.email:ann@example.com', true],
    ['user.email:*@other.com', false],
    ['browser:fire*', true],
    ['browser:firefox', false],
    ['has:os', false],
    ['declined checkout', true],
    ['error.value:*declined', true],
    ['error.type:RangeError', false],
    ['', true],
  ])('%s -> %s', (query, expected) => {
    expect(matchesEventSearch(event, compile(query))).toBe(expected);
  });
});
