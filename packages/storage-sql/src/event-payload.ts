import type { EventRecord, TimelineEntry } from '@fixloop/core';
import { compressJson, decompressJson } from './payload-codec.ts';

/** What the `events.payload` blob holds: the record minus what has its own column. */
type StoredRecord = Omit<EventRecord, 'projectId' | 'eventId' | 'timestamp' | 'receivedAt'>;

export function encodeEventRecord(event: EventRecord): Buffer {
  const { projectId: _p, eventId: _e, timestamp: _t, receivedAt: _r, ...rest } = event;
  return compressJson(rest satisfies StoredRecord);
}

export interface EventRowForDecode {
  project_id: number;
  event_id: string;
  timestamp: number;
  received_at: number;
  payload: Uint8Array;
}

export function decodeEventRecord(row: EventRowForDecode): EventRecord {
  const rest = decompressJson<StoredRecord>(row.payload);
  return {
    projectId: Number(row.project_id),
    eventId: row.event_id,
    timestamp: new Date(Number(row.timestamp)),
    receivedAt: new Date(Number(row.received_at)),
    ...rest,
  };
}

export function encodeTimeline(entries: TimelineEntry[]): Buffer {
  return compressJson(entries);
}

export function decodeTimeline(data: Uint8Array): TimelineEntry[] {
  return decompressJson<TimelineEntry[]>(data);
}
