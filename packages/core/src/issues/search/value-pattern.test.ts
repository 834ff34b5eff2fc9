import { describe, expect, it } from 'vitest';
import {
  matchesValuePattern,
  toContainsPattern,
  toLikePattern,
  toValuePattern,
  withPrefix,
} from './value-pattern.ts';

const value = (text: string, wildcards: number[] = []) => ({ text, quoted: false, wildcards });
const star = (text: string) =>
  value(
    text,
    [...text].flatMap((c, i) => (c === '*' ? [i] : [])),
  );

describe('value patterns', () => {
  it('matches exact values case-sensitively', () => {
    const p = toValuePattern(value('Prod'));
    expect(p).toEqual({ kind: 'exact', value: 'Prod' });
    expect(matchesValuePattern(p, 'Prod')).toBe(true);
    expect(matchesValuePattern(p, 'prod')).toBe(false);
    expect(matchesValuePattern(p, 'Prod2')).toBe(false);
  });

  it.each([
    ['prod*', 'production', true],
    ['prod*', 'PRODUCTION', true],
    ['prod*', 'preprod', false],
    ['*prod', 'preprod', true],
    ['*prod', 'production', false],
    ['*check*', '/api/checkout', true],
    ['*check*', '/api/cart', false],
    ['a*b*c', 'aXXbYYc', true],
    ['a*b*c', 'acb', false],
    ['ab*ba', 'aba', false],
    ['ab*ba', 'abba', true],
    ['*', '', true],
    ['*', 'anything', true],
    ['a**b', 'ab', true],
  ])('wildcard %s against %s -> %s', (pattern, candidate, expected) => {
    expect(matchesValuePattern(toValuePattern(star(pattern)), candidate)).toBe(expected);
  });

  it('keeps an escaped star literal', () => {
    const literal = toValuePattern(value('2*3'));
    expect(matchesValuePattern(literal, '2*3')).toBe(true);
    expect(matchesValuePattern(literal, '2x3')).toBe(false);
  });

  it('makes contains-patterns for free text', () => {
    expect(toContainsPattern(value('boom'))).toEqual({ kind: 'wildcard', parts: ['', 'boom', ''] });
    expect(toContainsPattern(star('*boom'))).toEqual({ kind: 'wildcard', parts: ['', 'boom', ''] });
    expect(matchesValuePattern(toContainsPattern(value('Refused')), 'ECONNREFUSED: connection refused')).toBe(
      true,
    );
  });

  it('prefixes patterns for the user tag', () => {
    expect(withPrefix({ kind: 'exact', value: 'a@b.c' }, 'email:')).toEqual({
      kind: 'exact',
      value: 'email:a@b.c',
    });
    expect(withPrefix(toValuePattern(star('*@b.c')), 'email:')).toEqual({
      kind: 'wildcard',
      parts: ['email:', '@b.c'],
    });
  });

  it('escapes LIKE metacharacters and lower-cases', () => {
    expect(toLikePattern({ kind: 'wildcard', parts: ['', '50%_OFF\\', ''] })).toBe('%50\\%\\_off\\\\%');
  });
});
