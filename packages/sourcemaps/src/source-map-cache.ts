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

/** `expiresAt` is Infinity for maps cached without a TTL. */
type Entry = { map: ParsedSourceMap | null; size: number; expiresAt: number };

/**
 * An expired map may still be in use by an event whose other lookups are pending; it is destroyed
 * only this long after it expired (symbolication gives up after a few seconds).
 */
const RETIRE_GRACE_MS = 30_000;

/**
 * LRU of parsed source maps, so a burst of events from one bundle parses its map once. Concurrent
 * loads of one key share a promise; misses are remembered briefly so events without uploaded maps do
 * not hit the database for every frame. Evicted maps are destroyed (their WASM memory freed).
 */
export class SourceMapCache {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<ParsedSourceMap | null>>();
  private readonly retired: { map: ParsedSourceMap; at: number }[] = [];
  private bytes = 0;
  private readonly options: SourceMapCacheOptions;

  constructor(options: Partial<SourceMapCacheOptions> = {}) {
    this.options = { ...DEFAULT_SOURCE_MAP_CACHE_OPTIONS, ...options };
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The cached map of `key`, else what `load` returns. `ttlMs` bounds how long a found map is
   * trusted (release files can be replaced under the same key; debug-id content cannot).
   */
  async get(
    key: string,
    load: () => Promise<ParsedSourceMap | null>,
    ttlMs = Number.POSITIVE_INFINITY,
  ): Promise<ParsedSourceMap | null> {
    const now = this.options.now();
    this.destroyRetired(now);
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      this.entries.delete(key);
      if (entry.expiresAt > now) {
        this.entries.set(key, entry);
        return entry.map;
      }
      if (entry.map !== null) {
        this.bytes -= entry.size;
        this.retired.push({ map: entry.map, at: now });
      }
    }
    const pending = this.loading.get(key);
    if (pending !== undefined) return pending;
    const promise = load()
      .then((map) => {
        this.store(key, map, ttlMs);
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
    for (const { map } of this.retired.splice(0)) map.destroy();
    this.entries.clear();
    this.bytes = 0;
  }

  private store(key: string, map: ParsedSourceMap | null, ttlMs: number): void {
    const now = this.options.now();
    if (map === null) {
      this.entries.set(key, { map: null, size: 0, expiresAt: now + this.options.negativeTtlMs });
    } else {
      this.entries.set(key, { map, size: map.size, expiresAt: now + ttlMs });
      this.bytes += map.size;
    }
    this.evict(key);
  }

  private destroyRetired(now: number): void {
    while (this.retired.length > 0 && (this.retired[0]?.at ?? now) + RETIRE_GRACE_MS <= now) {
      this.retired.shift()?.map.destroy();
    }
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
