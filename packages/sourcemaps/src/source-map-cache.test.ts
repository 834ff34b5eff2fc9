import { describe, expect, it, vi } from 'vitest';
import { ParsedSourceMap } from './parsed-source-map.ts';
import { SourceMapCache } from './source-map-cache.ts';

const MAP = JSON.stringify({ version: 3, sources: ['a.js'], names: [], mappings: 'AAAA' });

async function parsed(): Promise<ParsedSourceMap> {
  const map = await ParsedSourceMap.parse(MAP, null, '~/a.js.map');
  if (map === null) throw new Error('map did not parse');
  return map;
}

describe('SourceMapCache', () => {
  it('loads a key once even when asked concurrently', async () => {
    const cache = new SourceMapCache();
    const load = vi.fn(parsed);
    const [a, b] = await Promise.all([cache.get('k', load), cache.get('k', load)]);
    expect(a).toBe(b);
    expect(await cache.get('k', load)).toBe(a);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('evicts the least recently used map beyond the entry budget and destroys it', async () => {
    const cache = new SourceMapCache({ maxEntries: 2 });
    const first = await cache.get('a', parsed);
    const destroy = vi.spyOn(first as ParsedSourceMap, 'destroy');
    await cache.get('b', parsed);
    await cache.get('a', parsed);
    await cache.get('c', parsed);
    expect(destroy).not.toHaveBeenCalled();
    const third = await cache.get('d', parsed);
    expect(destroy).toHaveBeenCalledTimes(1);
    expect(cache.size).toBe(2);
    expect(third?.lookup(1, 1)).toMatchObject({ source: 'a.js', line: 1, column: 1 });
  });

  it('remembers misses only for the negative TTL, or until told to forget them', async () => {
    let now = 1_000;
    const cache = new SourceMapCache({ negativeTtlMs: 100, now: () => now });
    const miss = vi.fn(async () => null);
    await cache.get('gone', miss);
    await cache.get('gone', miss);
    expect(miss).toHaveBeenCalledTimes(1);
    now += 101;
    await cache.get('gone', miss);
    expect(miss).toHaveBeenCalledTimes(2);
    cache.forgetMisses();
    await cache.get('gone', miss);
    expect(miss).toHaveBeenCalledTimes(3);
  });

  it('reloads a map after its TTL and destroys the old one only after a grace period', async () => {
    let now = 1_000;
    const cache = new SourceMapCache({ now: () => now });
    const load = vi.fn(parsed);
    const first = await cache.get('release', load, 60_000);
    const destroy = vi.spyOn(first as ParsedSourceMap, 'destroy');
    now += 59_999;
    expect(await cache.get('release', load, 60_000)).toBe(first);
    now += 1;
    const second = await cache.get('release', load, 60_000);
    expect(second).not.toBe(first);
    expect(load).toHaveBeenCalledTimes(2);
    // An event that got the old map a moment ago may still be using it.
    expect(destroy).not.toHaveBeenCalled();
    expect(first?.lookup(1, 1)).toMatchObject({ source: 'a.js' });
    now += 30_000;
    await cache.get('release', load, 60_000);
    expect(destroy).toHaveBeenCalledTimes(1);
    expect(cache.size).toBe(1);
    expect(await cache.get('debug', load)).not.toBeNull();
    now += 10 * 60_000;
    await cache.get('debug', load);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('rejects text that is not a source map', async () => {
    expect(await ParsedSourceMap.parse('not json', null, '~/x.map')).toBeNull();
  });
});
