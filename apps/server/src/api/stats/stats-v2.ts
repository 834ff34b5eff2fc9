import type { OutcomeRow } from '@fixloop/core';
import { ERROR_CATEGORIES, sumIntoBuckets } from './outcome-series.ts';
import type { Buckets } from './outcome-series.ts';

export const STATS_GROUP_BY = ['category', 'outcome', 'project', 'reason'] as const;
export type StatsGroupBy = (typeof STATS_GROUP_BY)[number];
export const STATS_FIELDS = ['sum(quantity)', 'sum(times_seen)'] as const;
export type StatsField = (typeof STATS_FIELDS)[number];

export interface StatsV2Group {
  by: Record<string, string | number>;
  totals: Record<string, number>;
  series: Record<string, number[]>;
}

/** Fixloop records default and security events under their own categories; Sentry reports them as error. */
export function sentryCategory(category: string): string {
  return ERROR_CATEGORIES.includes(category) ? 'error' : category;
}

/**
 * Sentry's stats_v2 groups: outcome rows grouped by the requested dimensions, each with its total and
 * a series over the buckets. `sum(times_seen)` counts the stored rows (Fixloop keeps hourly sums).
 */
export function statsV2Groups(
  rows: OutcomeRow[],
  groupBy: StatsGroupBy[],
  field: StatsField,
  buckets: Buckets,
): StatsV2Group[] {
  const groups = new Map<string, { by: Record<string, string | number>; rows: OutcomeRow[] }>();
  for (const row of rows) {
    const by: Record<string, string | number> = {};
    for (const key of groupBy) {
      if (key === 'category') by['category'] = sentryCategory(row.category);
      else if (key === 'outcome') by['outcome'] = row.outcome;
      else if (key === 'project') by['project'] = row.projectId;
      else by['reason'] = 'none';
    }
    const id = JSON.stringify(by);
    const group = groups.get(id) ?? { by, rows: [] };
    group.rows.push(row);
    groups.set(id, group);
  }
  const value = field === 'sum(quantity)' ? (r: OutcomeRow) => r.quantity : () => 1;
  return [...groups.values()]
    .map(({ by, rows: own }) => {
      const series = sumIntoBuckets(own, buckets, value);
      return { by, totals: { [field]: series.reduce((a, b) => a + b, 0) }, series: { [field]: series } };
    })
    .sort((a, b) => JSON.stringify(a.by).localeCompare(JSON.stringify(b.by)));
}
