import type { EventWrite } from '@fixloop/core';
import { describe, expect, it } from 'vitest';
import {
  compressDeferredBlobs,
  decodeEventRecord,
  decodeTimeline,
  preEncodeEventWrite,
} from './event-payload.ts';

function write(frames: number): EventWrite {
  const eventId = 'a'.repeat(32);
  return {
    event: {
      projectId: 1,
      eventId,
      timestamp: new Date('2026-12-07T10:00:00.000Z'),
      receivedAt: new Date('2026-12-07T10:00:01.000Z'),
      type: 'error',
      level: 'error',
      platform: 'node',
      environment: 'production',
      release: null,
      title: 'TypeError: x',
      culprit: 'app.js in main',
      message: 'x',
      metadata: { type: 'TypeError', value: 'x' },
      userKey: null,
      tags: { level: 'error' },
      handled: false,
      payload: {
        event_id: eventId,
        exception: {
          values: [
            {
              type: 'TypeError',
              stacktrace: {
                frames: Array.from({ length: frames }, (_, i) => ({
                  function: `f${i}`,
                  filename: `m${i}.js`,
                })),
              },
            },
          ],
        },
      },
    },
    grouping: { primaryHash: 'h', hashes: ['h'], variants: { app: 'h' }, primaryVariant: 'app' },
    issue: {
      title: 'TypeError: x',
      culprit: 'app.js in main',
      type: 'error',
      level: 'error',
      platform: 'node',
      metadata: { type: 'TypeError', value: 'x' },
      severity: 'blocking',
      errorClass: 'javascript',
    },
    timeline: [
      {
        ts: '2026-12-07T10:00:00.000Z',
        layer: 'user',
        kind: 'click',
        message: 'button#buy '.repeat(200),
        level: 'info',
        category: 'ui.click',
        network: null,
        data: null,
        isError: false,
        source: 'breadcrumb',
      },
    ],
  };
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
