import type { EventRecord, EventWrite, TimelineEntry } from '@fixloop/core';
import { compressJson, compressPlainJson, decompressJson, encodeJsonText } from './payload-codec.ts';

/** What the `events.payload` blob holds: the record minus what has its own column. */
type StoredRecord = Omit<EventRecord, 'projectId' | 'eventId' | 'timestamp' | 'receivedAt'>;

export function encodeEventRecord(event: EventRecord): Buffer {
  return encodeJsonText(eventRecordJson(event));
}

/** The JSON text of what `events.payload` stores (before compression). */
function eventRecordJson(event: EventRecord): string {
  const { projectId: _p, eventId: _e, timestamp: _t, receivedAt: _r, ...rest } = event;
  return JSON.stringify(rest satisfies StoredRecord);
}

export interface PreEncodeOptions {
  /**
   * Blobs whose JSON has at least this many characters are left as plain JSON bytes, a valid stored
   * form, for the receiving thread to compress with `compressDeferredBlobs`. Default: none.
   */
  deferFromChars?: number;
}

/**
 * Encodes an EventWrite's blobs ahead of time and drops what they replace, so only small fields and
 * bytes cross from an ingest thread to the one writer thread (JSON and, but for deferred large blobs,
 * compression stay off the writer: docs/adr/0003).
 */
export function preEncodeEventWrite(write: EventWrite, options: PreEncodeOptions = {}): EventWrite {
  const defer = options.deferFromChars ?? Number.POSITIVE_INFINITY;
  const encode = (text: string) => (text.length >= defer ? Buffer.from(text, 'utf8') : encodeJsonText(text));
  // Every key spelled out: a `{ ...write, encoded }` copy would get a new hidden class per event in V8 11.
  return {
    event: { ...write.event, payload: {} },
    grouping: write.grouping,
    issue: write.issue,
    timeline: [],
    encoded: {
      record: encode(eventRecordJson(write.event)),
      timeline: write.timeline.length > 0 ? encode(JSON.stringify(write.timeline)) : null,
    },
  };
}

/** Finishes what `preEncodeEventWrite` deferred: compresses blobs it left as plain JSON. */
export function compressDeferredBlobs(write: EventWrite): EventWrite {
  const { encoded } = write;
  if (encoded) {
    encoded.record = compressPlainJson(encoded.record);
    if (encoded.timeline !== null) encoded.timeline = compressPlainJson(encoded.timeline);
  }
  return write;
}

/** The `events.payload` blob of a write: pre-encoded when a worker did it, else encoded now. */
export function eventBlobOf(write: EventWrite): Buffer {
  return write.encoded ? asBuffer(write.encoded.record) : encodeEventRecord(write.event);
}

/** The `event_timelines.entries` blob of a write, or null when it has no timeline. */
export function timelineBlobOf(write: EventWrite): Buffer | null {
  if (write.encoded) return write.encoded.timeline === null ? null : asBuffer(write.encoded.timeline);
  return write.timeline.length > 0 ? encodeTimeline(write.timeline) : null;
}

/** Bytes that crossed a thread boundary arrive as a plain Uint8Array; drivers bind Buffers. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
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
