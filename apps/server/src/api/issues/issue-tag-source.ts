import type { IssueTagBreakdown, Storage, TagKeySummary, TagValueCount } from '@fixloop/core';

/** Where an issue's tag breakdown comes from: every event, or only those of some environments. */
export interface IssueTagSource {
  /** Keys most seen first (or just `key`), like `IssueStore.listTagKeys`. */
  keys(key?: string): Promise<TagKeySummary[]>;
  /** One page of a key's values, most seen first. */
  values(key: string, page: { limit: number; offset: number }): Promise<TagValueCount[]>;
}

/**
 * Without environments the stored per-issue counters answer; with Sentry's `?environment=` the counts
 * come from the events there, read once per request however many keys the answer shows.
 */
export function issueTagSource(storage: Storage, issueId: number, environments: string[]): IssueTagSource {
  if (environments.length === 0) {
    return {
      keys: (key) => storage.issues.listTagKeys(issueId, key),
      values: (key, page) => storage.issues.listTagValuesPage(issueId, key, page),
    };
  }
  let breakdown: Promise<IssueTagBreakdown> | null = null;
  const load = () => (breakdown ??= storage.issues.issueEnvironmentTags(issueId, environments));
  return {
    keys: async (key) => {
      const { keys } = await load();
      return key === undefined ? keys : keys.filter((k) => k.key === key);
    },
    values: async (key, page) => {
      const { values } = await load();
      return values.filter((v) => v.key === key).slice(page.offset, page.offset + page.limit);
    },
  };
}
