import type { TimelineEntryJson } from '../api/types.ts';
import { entryTime } from './timeline-item.ts';
import type { NetworkExchange, TimelineItem } from './timeline-item.ts';

type Phase = 'request' | 'response' | null;

const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);
const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/** Whether a raw entry is one half of an HTTP exchange (FULL_EVENT_TIMELINE_V1 sends them apart). */
function phaseOf(entry: TimelineEntryJson): Phase {
  const data = entry.data ?? {};
  const marker = str(data['phase']) ?? str(data['type']) ?? entry.kind ?? '';
  if (/response$/i.test(marker)) return 'response';
  if (/request$/i.test(marker)) return 'request';
  return null;
}

function requestKey(entry: TimelineEntryJson): string {
  const data = entry.data ?? {};
  const id = str(data['requestId']) ?? str(data['request_id']) ?? str(data['id']);
  if (id) return `id:${id}`;
  return `url:${str(data['method'])?.toUpperCase() ?? 'GET'} ${str(data['url']) ?? ''}`;
}

function statusOf(data: Record<string, unknown>): number | null {
  return num(data['status_code']) ?? num(data['statusCode']) ?? num(data['status']);
}

function toItem(entry: TimelineEntryJson, index: number, network: NetworkExchange | null): TimelineItem {
  return {
    id: `${index}`,
    time: entryTime(entry),
    layer: entry.layer,
    kind: entry.kind ?? entry.category ?? 'event',
    category: entry.category ?? null,
    message: entry.message ?? '',
    level: entry.level ?? 'info',
    data: entry.data ?? null,
    isError: entry.isError === true,
    network,
  };
}

/** A single entry that already carries its exchange: the server-paired form or a Sentry http crumb. */
function ownExchange(entry: TimelineEntryJson): NetworkExchange | null {
  if (entry.network) {
    const { method, url, statusCode, durationMs, failed } = entry.network;
    return { method, url, status: statusCode, durationMs, failed, answered: statusCode !== null || failed };
  }
  const data = entry.data ?? {};
  if (entry.layer !== 'network' || (str(data['url']) === null && str(data['method']) === null)) return null;
  const status = statusOf(data);
  const start = num(data['start_timestamp']);
  const end = num(data['end_timestamp']);
  const durationMs =
    num(data['durationMs']) ??
    num(data['duration']) ??
    (start !== null && end !== null ? (end - start) * 1000 : null);
  return {
    method: str(data['method'])?.toUpperCase() ?? null,
    url: str(data['url']),
    status,
    durationMs,
    failed: status === null ? entry.level === 'error' : status >= 400,
    answered: status !== null,
  };
}

/**
 * Turns raw timeline entries into drawable items, oldest first. A request and its later response (same
 * request id, else same method and URL, first come first served) become ONE item with the status and
 * the duration between them; a response with no request stays on its own.
 */
export function pairNetworkEntries(entries: TimelineEntryJson[]): TimelineItem[] {
  const items: TimelineItem[] = [];
  const open = new Map<string, TimelineItem[]>();
  entries.forEach((entry, index) => {
    const phase = entry.layer === 'network' && !entry.network ? phaseOf(entry) : null;
    if (phase === 'response') {
      const pending = open.get(requestKey(entry));
      const request = pending?.shift();
      if (request?.network) {
        const status = statusOf(entry.data ?? {});
        request.network.status = status;
        request.network.answered = true;
        request.network.failed = status === null ? entry.level === 'error' : status >= 400;
        request.network.durationMs =
          num(entry.data?.['durationMs']) ?? Math.max(0, entryTime(entry) - request.time);
        if (request.network.failed && request.level === 'info') request.level = 'error';
        return;
      }
    }
    const network = phase !== null ? requestExchange(entry) : ownExchange(entry);
    const item = toItem(entry, index, network);
    if (phase === 'request') {
      const key = requestKey(entry);
      open.set(key, [...(open.get(key) ?? []), item]);
    }
    items.push(item);
  });
  return items.sort((a, b) => a.time - b.time);
}

function requestExchange(entry: TimelineEntryJson): NetworkExchange {
  const data = entry.data ?? {};
  const status = statusOf(data);
  return {
    method: str(data['method'])?.toUpperCase() ?? null,
    url: str(data['url']),
    status,
    durationMs: null,
    failed: status !== null && status >= 400,
    answered: status !== null,
  };
}
