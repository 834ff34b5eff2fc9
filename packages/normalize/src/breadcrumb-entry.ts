import type { Level, TimelineEntry, TimelineLayer, TimelineNetwork } from '@fixloop/core';
import { parseLevel } from './event-level.ts';
import { epochToIso, parseTimestamp } from './event-timestamp.ts';
import { coerceString, isObject, truncate, type JsonObject } from './json-value.ts';

const HTTP_CATEGORIES = new Set([
  'fetch',
  'xhr',
  'http',
  'httplib',
  'requests',
  'httpx',
  'urllib3',
  'aiohttp',
]);
const BROWSER_PLATFORMS = new Set(['javascript']);
export const MAX_ENTRY_MESSAGE = 1000;

/** One breadcrumb -> one timeline entry (network pairing happens afterwards in build-timeline.ts). */
export function breadcrumbEntry(crumb: JsonObject, platform: string, fallbackTs: number): TimelineEntry {
  const type = coerceString(crumb.type) ?? 'default';
  const category = coerceString(crumb.category);
  const data = isObject(crumb.data) ? crumb.data : null;
  const kind = crumbKind(type, category);
  const level: Level = parseLevel(crumb.level) ?? (type === 'error' ? 'error' : 'info');
  const network = kind === 'http' ? crumbNetwork(data, level) : null;
  return {
    ts: epochToIso(parseTimestamp(crumb.timestamp) ?? fallbackTs),
    layer: crumbLayer(kind, BROWSER_PLATFORMS.has(platform)),
    kind,
    message: truncate(crumbMessage(crumb, kind, data, network, category), MAX_ENTRY_MESSAGE),
    level,
    category,
    network,
    data,
    isError: false,
    source: 'breadcrumb',
  };
}

function crumbKind(type: string, category: string | null): string {
  if (type === 'navigation' || category === 'navigation') return 'navigation';
  if (category === 'ui.click') return 'click';
  if (category === 'ui.input') return 'input';
  if (type === 'http' || (category !== null && HTTP_CATEGORIES.has(category))) return 'http';
  if (category === 'console') return 'console';
  if (type === 'error' || category === 'sentry.event') return 'error';
  if (type === 'query' || category === 'query') return 'query';
  if (type === 'user' || type === 'ui' || category?.startsWith('ui.')) return 'user';
  if (type === 'default' || type === 'info' || type === 'debug') return 'log';
  return type;
}

function crumbLayer(kind: string, browser: boolean): TimelineLayer {
  if (kind === 'navigation' || kind === 'click' || kind === 'input' || kind === 'user') return 'user';
  if (kind === 'http') return 'network';
  // On servers, logging crumbs (named after the logger), queries and console output are the backend's.
  return browser ? 'frontend' : 'backend';
}

function crumbMessage(
  crumb: JsonObject,
  kind: string,
  data: JsonObject | null,
  network: TimelineNetwork | null,
  category: string | null,
): string {
  const message = coerceString(crumb.message);
  if (message) return message;
  if (network) {
    const status = network.statusCode === null ? '' : ` -> ${network.statusCode}`;
    return `${network.method ?? 'GET'} ${network.url ?? ''}${status}`.trim();
  }
  if (kind === 'navigation' && data)
    return `${coerceString(data.from) ?? ''} -> ${coerceString(data.to) ?? ''}`;
  return category ?? kind;
}

/** http crumb data -> network summary; duration from start/end timestamps when the SDK recorded them. */
export function crumbNetwork(data: JsonObject | null, level: Level): TimelineNetwork {
  const status = Number(data?.status_code ?? data?.status);
  const statusCode = Number.isInteger(status) && status > 0 ? status : null;
  const start = parseTimestamp(data?.start_timestamp ?? data?.startTimestamp);
  const end = parseTimestamp(data?.end_timestamp ?? data?.endTimestamp);
  const given = [data?.duration_ms, data?.durationMs, data?.duration].find((v) => typeof v === 'number');
  const durationMs =
    start !== null && end !== null && end >= start
      ? Math.round((end - start) * 1000)
      : typeof given === 'number' && Number.isFinite(given) && given >= 0
        ? given
        : null;
  const failed =
    (statusCode !== null && statusCode >= 400) ||
    level === 'error' ||
    level === 'fatal' ||
    (data?.error !== undefined && data.error !== null && data.error !== false);
  return {
    method: coerceString(data?.method)?.toUpperCase() ?? null,
    url: coerceString(data?.url) ?? null,
    statusCode,
    durationMs,
    failed,
  };
}
