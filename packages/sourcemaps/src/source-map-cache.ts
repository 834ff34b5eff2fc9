import type { ParsedSourceMap } from './parsed-source-map.ts';

export interface SourceMapCacheOptions {
  /** Budget of map + minified source bytes kept parsed. */
  maxBytes: number;
  maxEntries: number;
  /** How long "nothing uploaded for this" is believed before looking again. */
  negativeTtlMs: number;
  now: () => number;
}

export const DEFAULT_SOURCE_MAP_CACHE_OPTIONS: SourceMapCacheOptions = {
  maxBytes: 128 * 1024 * 1024,
  maxEntries: 200,
  negativeTtlMs: 10_000,
  now: () => Date.now(),
};

type Entry = { map: ParsedSourceMap; size: number } | { map: null; size: 0; expiresAt: number };

/**
 * LRU of parsed source maps, so a burst of events from one bundle parses its map once. Concurrent
 * loads of one key share a promise; misses are remembered briefly so events without uploaded maps do
 * not hit the database for every frame. Evicted maps are destroyed (their WASM memory freed).
 */
export class SourceMapCache {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<ParsedSourceMap | null>>();
  private bytes = 0;
  private readonly options: SourceMapCacheOptions;

  constructor(options: Partial<SourceMapCacheOptions> = {}) {
    this.options = { ...DEFAULT_SOURCE_MAP_CACHE_OPTIONS, ...options };
  }

  get size(): number {
    return this.entries.size;
  }

  async get(key: string, load: () => Promise<ParsedSourceMap | null>): Promise<ParsedSourceMap | null> {
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      if (entry.map !== null || entry.expiresAt > this.options.now()) {
        this.entries.delete(key);
        this.entries.set(key, entry);
        return entry.map;
      }
      this.entries.delete(key);
    }
    const pending = this.loading.get(key);
    if (pending !== undefined) return pending;
    const promise = load()
      .then((map) => {
        this.store(key, map);
        return map;
      })
      .finally(() => this.loading.delete(key));
    this.loading.set(key, promise);
    return promise;
  }

  /** Forgets remembered misses (after an upload, the next event should look again). */
  forgetMisses(): void {
    for (const [key, entry] of this.entries) if (entry.map === null) this.entries.delete(key);
  }

  clear(): void {
    for (const entry of this.entries.values()) entry.map?.destroy();
    this.entries.clear();
    this.bytes = 0;
  }

  private store(key: string, map: ParsedSourceMap | null): void {
    if (map === null) {
      this.entries.set(key, {
        map: null,
        size: 0,
        expiresAt: this.options.now() + this.options.negativeTtlMs,
      });
    } else {
      this.entries.set(key, { map, size: map.size });
      this.bytes += map.size;
    }
    this.evict(key);
  }

  private evict(keep: string): void {
    for (const [key, entry] of this.entries) {
      if (this.bytes <= this.options.maxBytes && this.entries.size <= this.options.maxEntries) return;
      if (key === keep) continue;
      this.entries.delete(key);
      this.bytes -= entry.size;
      entry.map?.destroy();
    }
  }
}
