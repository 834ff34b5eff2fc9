import type { EventRecord, EventWrite } from '@fixloop/core';
import { eventWrite, timelineEntry } from '@fixloop/storage-contract';
import { describe, expect, it } from 'vitest';
import {
  compressDeferredBlobs,
  decodeEventRecord,
  decodeTimeline,
  encodeEventRecord,
  preEncodeEventWrite,
} from './event-payload.ts';
import { compressJson, decompressJson } from './payload-codec.ts';

/** An event with `frames` stack frames (1,000 make ~30 K characters of JSON) and a ~2 KB timeline. */
function write(frames: number): EventWrite {
  const base = eventWrite(1, { timeline: [timelineEntry('GET /api/cart '.repeat(150))] });
  base.event.payload = {
    ...base.event.payload,
    exception: {
      values: [
        {
          type: 'TypeError',
          stacktrace: {
            frames: Array.from({ length: frames }, (_, i) => ({ function: `f${i}`, filename: `m${i}.js` })),
          },
        },
      ],
    },
  };
  return base;
}

const row = (record: Uint8Array) => ({
  project_id: 1,
  event_id: 'a'.repeat(32),
  timestamp: 0,
  received_at: 0,
  payload: record,
});

describe('preEncodeEventWrite', () => {
  it('encodes the record and the timeline and drops what they replace', () => {
    const source = write(10);
    const encoded = preEncodeEventWrite(source);
    expect(encoded.event.payload).toEqual({});
    expect(encoded.timeline).toEqual([]);
    expect(decodeEventRecord(row(encoded.encoded!.record)).payload).toEqual(source.event.payload);
    expect(decodeTimeline(encoded.encoded!.timeline!)).toEqual(source.timeline);
  });

  it('leaves large blobs as plain JSON when told to, and compressDeferredBlobs finishes them', () => {
    const source = write(1000);
    const direct = preEncodeEventWrite(source);
    const deferred = preEncodeEventWrite(source, { deferFromChars: 16 * 1024 });
    // The 1,000-frame record is over the limit; the ~2 KB timeline is not.
    expect(String.fromCharCode(deferred.encoded!.record[0]!)).toBe('{');
    expect(deferred.encoded!.timeline).toEqual(direct.encoded!.timeline);
    // Plain JSON is itself a valid stored form.
    expect(decodeEventRecord(row(deferred.encoded!.record)).payload).toEqual(source.event.payload);
    const finished = compressDeferredBlobs(deferred);
    expect(Buffer.from(finished.encoded!.record).equals(direct.encoded!.record)).toBe(true);
    expect(finished.encoded!.record.length).toBeLessThan(JSON.stringify(source.event.payload).length / 5);
  });

  it('leaves writes without pre-encoded blobs alone', () => {
    const plain = write(1);
    expect(compressDeferredBlobs(plain)).toBe(plain);
    expect(plain.encoded).toBeUndefined();
  });
});

describe('encodeEventRecord', () => {
  /** A record as normalizeEvent makes it: its payload carries title, culprit, metadata and the tag list. */
  function normalized(): EventRecord {
    const { event } = eventWrite(1, {
      eventId: 'a'.repeat(32),
      timestamp: new Date(0),
      tags: { browser: 'Chrome', '42': 'answer', level: 'error' },
    });
    const metadata = { type: 'TypeError', value: 'x is undefined' };
    Object.assign(event, {
      receivedAt: new Date(0),
      title: 'TypeError: x',
      culprit: 'cart in total',
      metadata,
    });
    const { title, culprit, tags } = event;
    event.payload = { ...event.payload, title, culprit, metadata, tags: Object.entries(tags) };
    return event;
  }

  it('stores what the payload carries once, and reads it back from there', () => {
    const event = normalized();
    const blob = encodeEventRecord(event);
    const stored = decompressJson<Record<string, unknown>>(blob);
    for (const key of ['title', 'culprit', 'metadata', 'tags']) expect(stored).not.toHaveProperty(key);
    expect(stored).toMatchObject({ level: event.level, userKey: event.userKey });
    const decoded = decodeEventRecord(row(blob));
    expect(decoded).toEqual(event);
    expect(Object.keys(decoded.tags)).toEqual(Object.keys(event.tags));
  });

  it('keeps the fields that are not exactly what the payload says', () => {
    const event = normalized();
    event.payload = {
      ...event.payload,
      title: 'another title',
      metadata: { ...event.metadata },
      tags: [...Object.entries(event.tags), ['extra', 'tag']],
    };
    const blob = encodeEventRecord(event);
    const stored = decompressJson<Record<string, unknown>>(blob);
    expect(stored).toMatchObject({ title: event.title, metadata: event.metadata, tags: event.tags });
    expect(stored).not.toHaveProperty('culprit');
    expect(decodeEventRecord(row(blob))).toEqual(event);
  });

  it('decodes blobs written before, which hold every field', () => {
    const event = normalized();
    const { projectId: _p, eventId: _e, timestamp: _t, receivedAt: _r, ...everything } = event;
    event.payload = { ...event.payload, title: 'what the payload said' };
    const legacy = compressJson({ ...everything, payload: event.payload });
    expect(decodeEventRecord(row(legacy))).toEqual(event);
  });
});
