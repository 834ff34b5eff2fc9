import type { ScrubbingSettings, SentryEvent, TimelineEntry } from '@fixloop/core';
import { breadcrumbEntry } from './breadcrumb-entry.ts';
import { mainException } from './event-exception.ts';
import { parseLevel } from './event-level.ts';
import { epochToIso, parseTimestamp } from './event-timestamp.ts';
import { eventTitle } from './event-title.ts';
import { fullEventTimelineEntries } from './full-event-timeline.ts';
import { isObject } from './json-value.ts';
import { pairNetworkEntries } from './network-pairing.ts';
import { scrubPii } from './pii-scrubber.ts';

/**
 * Breadcrumbs (+ an optional FULL_EVENT_TIMELINE_V1 document from an attachment or `contexts.full_event_timeline`
 * / `contexts.timeline`) -> timeline entries, oldest first, with the event's own error marked in place.
 * The attached document did not pass through event normalization, so pass `scrubbing` to scrub it.
 */
export function buildTimeline(
  event: SentryEvent,
  attachedTimeline?: unknown,
  scrubbing?: ScrubbingSettings,
): TimelineEntry[] {
  const platform = typeof event.platform === 'string' ? event.platform : 'other';
  const eventTs = parseTimestamp(event.timestamp) ?? Date.now() / 1000;
  const entries = pairNetworkEntries(
    crumbsOf(event).map((crumb) => breadcrumbEntry(crumb, platform, eventTs)),
  );
  const contexts = isObject(event.contexts) ? event.contexts : {};
  const document = attachedTimeline ?? contexts.full_event_timeline ?? contexts.timeline;
  if (document !== undefined && document !== null) {
    const scrubbed = scrubbing && attachedTimeline !== undefined ? scrubPii(document, scrubbing) : document;
    entries.push(...fullEventTimelineEntries(scrubbed));
  }
  if (!entries.some((entry) => entry.isError)) entries.push(eventEntry(event, platform, eventTs));
  return sortByTime(entries);
}

/** `ts` as epochToIso writes it for years 0000-9999: such strings sort as their instants do. */
const CANONICAL_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/**
 * Stable sort: entries at the same instant keep breadcrumb order, and the event comes after its crumbs.
 * Breadcrumbs usually arrive in order, so that case is detected and costs no date parsing.
 */
function sortByTime(entries: TimelineEntry[]): TimelineEntry[] {
  let ordered = true;
  for (let i = 0; i < entries.length && ordered; i++) {
    const ts = (entries[i] as TimelineEntry).ts;
    ordered = CANONICAL_ISO.test(ts) && (i === 0 || (entries[i - 1] as TimelineEntry).ts <= ts);
  }
  if (ordered) return entries;
  return entries
    .map((entry, index) => ({ entry, index, at: Date.parse(entry.ts) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ entry }) => entry);
}

function crumbsOf(event: SentryEvent): Record<string, unknown>[] {
  const breadcrumbs = event.breadcrumbs;
  const list = Array.isArray(breadcrumbs) ? breadcrumbs : isObject(breadcrumbs) ? breadcrumbs.values : null;
  return Array.isArray(list) ? list.filter(isObject) : [];
}

function eventEntry(event: SentryEvent, platform: string, eventTs: number): TimelineEntry {
  const logentry = isObject(event.logentry) ? event.logentry : null;
  const message = typeof logentry?.formatted === 'string' ? logentry.formatted : '';
  const hasException = mainException(event) !== null;
  return {
    ts: epochToIso(eventTs),
    layer: platform === 'javascript' ? 'frontend' : 'backend',
    kind: hasException ? 'error' : 'message',
    message: typeof event.title === 'string' && event.title ? event.title : eventTitle(event, message),
    level: parseLevel(event.level) ?? 'error',
    category: null,
    network: null,
    data: null,
    isError: true,
    source: 'event',
  };
}
