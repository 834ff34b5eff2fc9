import { describe, expect, it } from 'vitest';
import { formatToken, getFilter, parseQuery, setFilter, tokenAtCaret } from './search-query.ts';

describe('parseQuery', () => {
  it('reads filters, negations, quoted values, lists and free text', () => {
    const tokens = parseQuery(
      'is:unresolved !level:info release:"web 1.2" browser:[Chrome,Firefox] checkout failed',
    );
    expect(
      tokens.map((t) => (t.type === 'filter' ? [t.negated ? '!' : '', t.key, t.value] : ['text', t.value])),
    ).toEqual([
      ['', 'is', 'unresolved'],
      ['!', 'level', 'info'],
      ['', 'release', 'web 1.2'],
      ['', 'browser', '[Chrome,Firefox]'],
      ['text', 'checkout'],
      ['text', 'failed'],
    ]);
  });

  it('keeps a URL with a colon in a value as one filter', () => {
    expect(parseQuery('url:https://shop.example.com/cart')).toMatchObject([
      { type: 'filter', key: 'url', value: 'https://shop.example.com/cart' },
    ]);
  });

  it('formats tokens back, quoting values with spaces', () => {
    expect(
      formatToken({ type: 'filter', key: 'release', value: 'web 1.2', negated: true, start: 0, end: 0 }),
    ).toBe('!release:"web 1.2"');
  });
});

describe('getFilter / setFilter', () => {
  it('reads the first non-negated value of a key', () => {
    expect(getFilter('!severity:info severity:blocking', 'severity')).toBe('blocking');
    expect(getFilter('is:unresolved', 'severity')).toBeNull();
  });

  it('replaces a filter in place and leaves the rest as typed', () => {
    expect(setFilter('is:unresolved severity:info  TypeError', 'severity', 'blocking')).toBe(
      'is:unresolved severity:blocking TypeError',
    );
  });

  it('appends a new filter and removes one with null', () => {
    expect(setFilter('is:unresolved', 'environment', 'prod eu')).toBe('is:unresolved environment:"prod eu"');
    expect(setFilter('is:unresolved level:error', 'level', null)).toBe('is:unresolved');
    expect(setFilter('!level:error', 'level', null)).toBe('!level:error');
  });
});

describe('tokenAtCaret', () => {
  it('finds the token the caret is in or just after', () => {
    expect(tokenAtCaret('is:unresolved sev', 17)).toEqual({ text: 'sev', start: 14, end: 17 });
    expect(tokenAtCaret('is:unresolved ', 14)).toEqual({ text: '', start: 14, end: 14 });
  });
});
