import type { TimelineEntryJson, TimelineLayer } from '../api/types.ts';

export interface NetworkExchange {
  method: string | null;
  url: string | null;
  status: number | null;
  durationMs: number | null;
  failed: boolean;
  /** False while no response was seen (the request never answered, or the error came first). */
  answered: boolean;
}

/** A timeline line ready to draw: one time in ms, network requests already paired with responses. */
export interface TimelineItem {
  id: string;
  time: number;
  layer: TimelineLayer;
  kind: string;
  category: string | null;
  message: string;
  level: string;
  data: Record<string, unknown> | null;
  isError: boolean;
  network: NetworkExchange | null;
}

export function entryTime(entry: TimelineEntryJson): number {
  const raw = entry.ts ?? entry.timestamp;
  if (typeof raw === 'number') return raw < 1e12 ? raw * 1000 : raw;
  if (typeof raw === 'string') {
    const parsed = Date.parse(raw);
    return Number.isNaN(parsed) ? 0 : parsed;
  }
  return 0;
}
