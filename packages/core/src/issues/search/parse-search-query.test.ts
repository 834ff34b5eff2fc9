import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from './parse-search-query.ts';
import type { SearchNode } from './search-query-ast.ts';

function nodes(query: string): SearchNode[] {
  const result = parseSearchQuery(query);
  if (!result.ok) throw new Error(`unexpected error: ${result.error.message} at ${result.error.position}`);
  return result.nodes;
}

function error(query: string) {
  const result = parseSearchQuery(query);
  if (result.ok) throw new Error(`expected an error for ${query}`);
  return result.error;
}

const plain = (text: string) => ({ text, quoted: false, wildcards: [] });

describe('parseSearchQuery', () => {
  it('parses an empty or blank query to no nodes', () => {
    expect(nodes('')).toEqual([]);
    expect(nodes('   \t ')).toEqual([]);
  });

  it('parses key:value filters with their positions', () => {
    expect(nodes('is:unresolved  level:error')).toEqual([
      {
        type: 'filter',
        key: 'is',
        negated: false,
        comparison: '=',
        values: [plain('unresolved')],
        isList: false,
        position: 0,
      },
      {
        type: 'filter',
        key: 'level',
        negated: false,
        comparison: '=',
        values: [plain('error')],
        isList: false,
        position: 15,
      },
    ]);
  });

  it('accepts dotted, dashed and underscored keys and Sentry tags[…] keys', () => {
    const keys = nodes('user.email:a@b.c error.type:TypeError times_seen:3 server-name:x tags[my-key]:v').map(
      (n) => (n.type === 'filter' ? n.key : null),
    );
    expect(keys).toEqual(['user.email', 'error.type', 'times_seen', 'server-name', 'tags[my-key]']);
  });

  it.each([
    ['times_seen:>10', '>', '10'],
    ['times_seen:<10', '<', '10'],
    ['times_seen:>=10', '>=', '10'],
    ['times_seen:<=10', '<=', '10'],
    ['times_seen:=10', '=', '10'],
    ['times_seen:10', '=', '10'],
    ['firstSeen:>2024-01-01', '>', '2024-01-01'],
    ['lastSeen:-1h', '=', '-1h'],
    ['age:+24h', '=', '+24h'],
  ])('reads the comparison of %s', (query, comparison, text) => {
    expect(nodes(query)[0]).toMatchObject({ comparison, values: [plain(text)] });
  });

  it('negates filters and free text with !', () => {
    expect(nodes('!level:error')[0]).toMatchObject({ type: 'filter', key: 'level', negated: true });
    expect(nodes('!has:release')[0]).toMatchObject({ key: 'has', negated: true, values: [plain('release')] });
    expect(nodes('!timeout')[0]).toMatchObject({ type: 'text', negated: true, value: plain('timeout') });
  });

  it('reads quoted values with escapes, and quoted free text', () => {
    expect(nodes('message:"connection refused"')[0]).toMatchObject({
      values: [{ text: 'connection refused', quoted: true, wildcards: [] }],
    });
    expect(nodes('title:"say \\"hi\\" \\\\ now"')[0]).toMatchObject({
      values: [{ text: 'say "hi" \\ now', quoted: true }],
    });
    expect(nodes('"database is down" level:error')[0]).toEqual({
      type: 'text',
      value: { text: 'database is down', quoted: true, wildcards: [] },
      negated: false,
      position: 0,
    });
    expect(nodes('key:""')[0]).toMatchObject({ values: [{ text: '', quoted: true }] });
  });

  it('reads lists of bare and quoted items', () => {
    expect(nodes('level:[error, fatal]')[0]).toMatchObject({
      isList: true,
      values: [plain('error'), plain('fatal')],
    });
    expect(nodes('environment:[prod,"staging eu",dev*] is:unresolved')).toMatchObject([
      {
        key: 'environment',
        values: [
          plain('prod'),
          { text: 'staging eu', quoted: true, wildcards: [] },
          { text: 'dev*', quoted: false, wildcards: [3] },
        ],
      },
      { key: 'is' },
    ]);
    expect(nodes('!release:[1.0]')[0]).toMatchObject({ negated: true, isList: true, values: [plain('1.0')] });
  });

  it('records wildcard positions; an escaped star is literal', () => {
    expect(nodes('url:*checkout*')[0]).toMatchObject({ values: [{ text: '*checkout*', wildcards: [0, 9] }] });
    expect(nodes('message:"a*b"')[0]).toMatchObject({ values: [{ text: 'a*b', wildcards: [1] }] });
    expect(nodes('title:2\\*3')[0]).toMatchObject({ values: [{ text: '2*3', wildcards: [] }] });
    expect(nodes('title:"2\\*3*"')[0]).toMatchObject({ values: [{ text: '2*3*', wildcards: [3] }] });
  });

  it('treats words without a key as free text, AND as a no-op', () => {
    expect(nodes('checkout failed AND level:error')).toMatchObject([
      { type: 'text', value: plain('checkout'), position: 0 },
      { type: 'text', value: plain('failed'), position: 9 },
      { type: 'filter', key: 'level' },
    ]);
    expect(nodes('pay*ment')[0]).toMatchObject({ type: 'text', value: { text: 'pay*ment', wildcards: [3] } });
    expect(nodes(':odd')[0]).toMatchObject({ type: 'text', value: plain(':odd') });
  });

  it.each([
    ['level:', 6, /Missing value for "level:"/],
    ['is:unresolved level:  x', 20, /Missing value/],
    ['message:"unterminated', 8, /Unterminated quoted value/],
    ['level:[error, fatal', 6, /Unterminated list/],
    ['level:[error,,fatal]', 13, /Empty item in list/],
    ['level:[error fatal]', 13, /Expected "," or "]" in list, found "f"/],
    ['level:[error]x', 13, /Expected a space after "]"/],
    ['title:"a"b', 9, /Expected a space after the closing quote/],
    ['"a"b', 3, /Expected a space after the closing quote/],
    ['level:error ! x', 12, /Expected a filter or text after "!"/],
    ['level:error OR level:fatal', 12, /OR is not supported/],
    ['level:[]', 7, /Empty item in list/],
  ])('rejects %j at position %i', (query, position, message) => {
    const e = error(query);
    expect(e.message).toMatch(message);
    expect(e.position).toBe(position);
  });
});
