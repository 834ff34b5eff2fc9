import type { TimelineEntry } from '@fixloop/core';

/**
 * Some SDKs and apps record a request and its response as two http crumbs. They become one entry: the
 * request's time, the response's status, and the time between them as duration when none was given.
 */
export function pairNetworkEntries(entries: TimelineEntry[]): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  const open = new Map<string, TimelineEntry>();
  for (const entry of entries) {
    const network = entry.network;
    if (!network) {
      out.push(entry);
      continue;
    }
    const key = `${network.method ?? 'GET'} ${network.url ?? ''}`;
    const isResponse = network.statusCode !== null || network.failed;
    const request = isResponse ? open.get(key) : undefined;
    if (request?.network) {
      open.delete(key);
      const duration = Date.parse(entry.ts) - Date.parse(request.ts);
      request.network = {
        ...request.network,
        statusCode: network.statusCode,
        failed: network.failed,
        durationMs: network.durationMs ?? request.network.durationMs ?? (duration >= 0 ? duration : null),
      };
      request.level = entry.level;
      request.message = entry.message;
      request.data = request.data || entry.data ? { ...request.data, ...entry.data } : null;
      continue;
    }
    if (!isResponse) open.set(key, entry);
    out.push(entry);
  }
  return out;
}
