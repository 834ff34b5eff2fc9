import type { TimelineItem } from './timeline-item.ts';

export const TIMELINE_LAYERS = ['user', 'network', 'frontend', 'backend'] as const;

/**
 * Keeps the items of the chosen layers (all when none is chosen). The event's own error always stays,
 * so what happened before it can be read against the moment it broke.
 */
export function filterTimeline(items: TimelineItem[], layers: ReadonlySet<string>): TimelineItem[] {
  if (layers.size === 0) return items;
  return items.filter((item) => item.isError || layers.has(item.layer));
}

export function countByLayer(items: TimelineItem[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[item.layer] = (counts[item.layer] ?? 0) + 1;
  return counts;
}

/** Layers present in the data beyond the four standard ones (e.g. "database"), in first-seen order. */
export function extraLayers(items: TimelineItem[]): string[] {
  const known = new Set<string>(TIMELINE_LAYERS);
  return [...new Set(items.map((i) => i.layer).filter((l) => !known.has(l)))];
}
