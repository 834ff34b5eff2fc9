import type { IssueEvent, TimelineEntryJson } from '../api/types.ts';

function layerOf(crumb: Record<string, unknown>, browser: boolean): string {
  const type = String(crumb['type'] ?? '');
  const category = String(crumb['category'] ?? '');
  if (type === 'http' || ['fetch', 'xhr', 'http', 'httplib'].includes(category)) return 'network';
  if (type === 'navigation' || type === 'user' || category.startsWith('ui.') || category === 'navigation')
    return 'user';
  return browser ? 'frontend' : 'backend';
}

/**
 * The event's breadcrumbs as timeline entries, plus the error itself: what the timeline shows when the
 * server has no stored timeline for the event.
 */
export function breadcrumbEntries(event: IssueEvent): TimelineEntryJson[] {
  const browser = /browser|react|vue|angular/i.test(event.sdk?.name ?? '');
  const entry = event.entries.find((e) => e.type === 'breadcrumbs');
  const crumbs = (entry?.data as { values?: Record<string, unknown>[] } | undefined)?.values ?? [];
  const entries: TimelineEntryJson[] = crumbs.map((crumb) => ({
    timestamp: crumb['timestamp'] as string | number | undefined,
    layer: layerOf(crumb, browser),
    kind: String(crumb['category'] ?? crumb['type'] ?? 'log'),
    category: (crumb['category'] as string | undefined) ?? null,
    message: (crumb['message'] as string | undefined) ?? '',
    level: (crumb['level'] as string | undefined) ?? 'info',
    data: (crumb['data'] as Record<string, unknown> | undefined) ?? null,
  }));
  entries.push({
    timestamp: event.dateCreated,
    layer: browser ? 'frontend' : 'backend',
    kind: 'error',
    message: event.title,
    level: 'error',
    isError: true,
  });
  return entries;
}
