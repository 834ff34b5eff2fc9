import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN, slugify } from './slugify.ts';

describe('slugify', () => {
  it.each([
    ['My Web App!', 'my-web-app'],
    ['  Crème brûlée  ', 'creme-brulee'],
    ['api_v2', 'api_v2'],
    ['a'.repeat(60), 'a'.repeat(50)],
    ['12345', null],
    ['!!!', null],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('accepts Sentry-style slugs only', () => {
    expect(SLUG_PATTERN.test('backend-1')).toBe(true);
    expect(SLUG_PATTERN.test('Backend')).toBe(false);
    expect(SLUG_PATTERN.test('42')).toBe(false);
    expect(SLUG_PATTERN.test('')).toBe(false);
  });
});
