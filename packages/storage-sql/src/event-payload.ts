import type { EventRecord, EventWrite, TimelineEntry } from '@fixloop/core';
import { compressJson, compressPlainJson, decompressJson, encodeJsonText } from './payload-codec.ts';

/**
 * What the `events.payload` blob holds: the record minus what has its own column, and minus the fields
 * that its payload already carries (normalizeEvent writes title, culprit, metadata and the tag list into
 * the payload): those are left out when they are exactly what the payload says, and read back from it.
 * Blobs written before hold them all; both decode the same.
 */
type StoredRecord = Omit<EventRecord, 'projectId' | 'eventId' | 'timestamp' | 'receivedAt' | InPayload> &
  Partial<Pick<EventRecord, InPayload>>;
type InPayload = 'title' | 'culprit' | 'metadata' | 'tags';

export function encodeEventRecord(event: EventRecord): Buffer {
  return encodeJsonText(eventRecordJson(event));
}

/** The JSON text of what `events.payload` stores (before compression). */
function eventRecordJson(event: EventRecord): string {
  const { projectId: _p, eventId: _e, timestamp: _t, receivedAt: _r, ...rest } = event;
  const stored: StoredRecord = rest;
  const { payload } = event;
  // Undefined, not deleted: JSON leaves the key out, and the object keeps its fast shape.
  if (payload.title === rest.title) stored.title = undefined;
  if (payload.culprit === rest.culprit) stored.culprit = undefined;
  if (payload.metadata === rest.metadata) stored.metadata = undefined;
  if (tagsListed(rest.tags, payload.tags)) stored.tags = undefined;
  return JSON.stringify(stored);
}

/** Whether `listed` is exactly `Object.entries(tags)`: then `Object.fromEntries` gives `tags` back. */
function tagsListed(tags: Record<string, string>, listed: unknown): boolean {
  if (!Array.isArray(listed)) return false;
  const keys = Object.keys(tags);
  if (keys.length !== listed.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const pair: unknown = listed[i];
    const key = keys[i] as string;
    if (!Array.isArray(pair) || pair.length !== 2 || pair[0] !== key || pair[1] !== tags[key]) return false;
  }
  return true;
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
  const { title, culprit, metadata, tags, ...rest } = decompressJson<StoredRecord>(row.payload);
  const { payload } = rest;
  return {
    projectId: Number(row.project_id),
    eventId: row.event_id,
    timestamp: new Date(Number(row.timestamp)),
    receivedAt: new Date(Number(row.received_at)),
    ...rest,
    title: title ?? (payload.title as string),
    culprit: culprit ?? (payload.culprit as string),
    metadata: metadata ?? (payload.metadata as EventRecord['metadata']),
    tags: tags ?? Object.fromEntries(payload.tags as [string, string][]),
  };
}

export function encodeTimeline(entries: TimelineEntry[]): Buffer {
  return compressJson(entries);
}

export function decodeTimeline(data: Uint8Array): TimelineEntry[] {
  return decompressJson<TimelineEntry[]>(data);
}
