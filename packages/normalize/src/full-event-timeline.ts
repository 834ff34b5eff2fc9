import type { Level, TimelineEntry, TimelineLayer, TimelineNetwork } from '@fixloop/core';
import { MAX_ENTRY_MESSAGE } from './breadcrumb-entry.ts';
import { parseLevel } from './event-level.ts';
import { epochToIso, parseTimestamp } from './event-timestamp.ts';
import { coerceString, isObject, truncate, type JsonObject } from './json-value.ts';

/** A runaway client must not turn one event into an unbounded timeline. */
export const MAX_TIMELINE_ENTRIES = 1000;

const LAYER_ALIASES = new Map<string, TimelineLayer>([
  ['user', 'user'],
  ['ui', 'user'],
  ['interaction', 'user'],
  ['network', 'network'],
  ['http', 'network'],
  ['api', 'network'],
  ['request', 'network'],
  ['frontend', 'frontend'],
  ['browser', 'frontend'],
  ['client', 'frontend'],
  ['console', 'frontend'],
  ['backend', 'backend'],
  ['server', 'backend'],
]);

/**
 * A FULL_EVENT_TIMELINE_V1 document (`{version|format, session, environment, timeline: [...]}`, a bare list,
 * or its JSON text / bytes) -> entries. Invalid entries are dropped; an unusable document gives [].
 */
export function fullEventTimelineEntries(document: unknown): TimelineEntry[] {
  const list = timelineList(decode(document));
  const entries: TimelineEntry[] = [];
  for (const item of list.slice(-MAX_TIMELINE_ENTRIES)) {
    const entry = isObject(item) ? toEntry(item) : null;
    if (entry) entries.push(entry);
  }
  return entries;
}

function decode(document: unknown): unknown {
  if (document instanceof Uint8Array) return decode(new TextDecoder().decode(document));
  if (typeof document !== 'string') return document;
  try {
    return JSON.parse(document) as unknown;
  } catch {
    return null;
  }
}

function timelineList(document: unknown): unknown[] {
  if (Array.isArray(document)) return document;
  if (!isObject(document)) return [];
  const list = document.timeline ?? document.entries ?? document.events;
  return Array.isArray(list) ? list : [];
}

function toEntry(item: JsonObject): TimelineEntry | null {
  const ts = parseTimestamp(item.ts ?? item.timestamp ?? item.time);
  if (ts === null) return null;
  const kind = coerceString(item.event ?? item.kind ?? item.type) ?? 'event';
  const context = item.context ?? item.data;
  const level: Level = parseLevel(item.severity ?? item.level) ?? 'info';
  const network = isObject(item.network) ? toNetwork(item.network, level) : null;
  return {
    ts: epochToIso(ts),
    layer: layerOf(item.layer, network !== null),
    kind,
    message: truncate(coerceString(item.message ?? item.msg ?? item.description) ?? kind, MAX_ENTRY_MESSAGE),
    level,
    category: coerceString(item.category),
    network,
    data: isObject(context) ? context : null,
    isError: item.bug === true || isObject(item.bug),
    source: 'timeline',
  };
}

/** Unknown layer names are the backend's; an entry without a layer but with a request is network. */
function layerOf(value: unknown, hasNetwork: boolean): TimelineLayer {
  if (typeof value === 'string') return LAYER_ALIASES.get(value.trim().toLowerCase()) ?? 'backend';
  return hasNetwork ? 'network' : 'backend';
}

function toNetwork(raw: JsonObject, level: Level): TimelineNetwork {
  const status = Number(raw.statusCode ?? raw.status_code ?? raw.status);
  const statusCode = Number.isInteger(status) && status > 0 ? status : null;
  const duration = [raw.durationMs, raw.duration_ms, raw.duration].find((v) => typeof v === 'number');
  const failedFlag = raw.failed ?? raw.error;
  return {
    method: coerceString(raw.method)?.toUpperCase() ?? null,
    url: coerceString(raw.url) ?? null,
    statusCode,
    durationMs: typeof duration === 'number' && duration >= 0 ? duration : null,
    failed:
      (statusCode !== null && statusCode >= 400) ||
      level === 'error' ||
      (failedFlag !== undefined && failedFlag !== null && failedFlag !== false),
  };
}
