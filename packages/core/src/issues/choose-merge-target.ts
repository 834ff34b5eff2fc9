import type { Issue } from './issue.ts';

export type MergeChoice = { ok: true; target: Issue; sources: Issue[] } | { ok: false; message: string };

/**
 * Sentry's merge: the issue with the most events absorbs the others (the oldest one on a tie). All
 * issues must be in one project, and there must be at least two.
 */
export function chooseMergeTarget(issues: Issue[]): MergeChoice {
  const distinct = [...new Map(issues.map((i) => [i.id, i])).values()];
  if (distinct.length < 2)
    return { ok: false, message: 'Only a single issue was given; merging needs at least two.' };
  if (new Set(distinct.map((i) => i.projectId)).size > 1) {
    return { ok: false, message: 'Merging is only possible between issues of the same project.' };
  }
  const [target, ...sources] = [...distinct].sort((a, b) => b.timesSeen - a.timesSeen || a.id - b.id);
  if (target === undefined) return { ok: false, message: 'No issues to merge.' };
  return { ok: true, target, sources };
}
