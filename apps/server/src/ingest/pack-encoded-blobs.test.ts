import { MessageChannel } from 'node:worker_threads';
import type { EventWrite } from '@fixloop/core';
import { describe, expect, it } from 'vitest';
import { packEncodedBlobs } from './pack-encoded-blobs.ts';

const write = (record: string, timeline: string | null): EventWrite =>
  ({
    encoded: {
      record: Buffer.from(record),
      timeline: timeline === null ? null : Buffer.from(timeline),
    },
  }) as unknown as EventWrite;

describe('packEncodedBlobs', () => {
  it('moves every blob into one buffer and points each write at its own bytes', () => {
    const writes = [write('first record', 'its timeline'), write('second', null), write('', 'x')];
    const packed = packEncodedBlobs(writes);
    expect(packed.byteLength).toBe('first record'.length + 'its timeline'.length + 'second'.length + 1);
    const text = (bytes: Uint8Array | null | undefined) => (bytes ? Buffer.from(bytes).toString() : bytes);
    expect(writes.map((w) => [text(w.encoded?.record), text(w.encoded?.timeline)])).toEqual([
      ['first record', 'its timeline'],
      ['second', null],
      ['', 'x'],
    ]);
    for (const w of writes) expect(w.encoded!.record.buffer).toBe(packed);
  });

  it('survives the transfer: the views arrive intact on the other side', () => {
    const writes = [write('a'.repeat(3000), 'b'.repeat(10)), write('c'.repeat(5), null)];
    const { port1, port2 } = new MessageChannel();
    const received = new Promise<EventWrite[]>((resolve) => {
      port2.once('message', (data: EventWrite[]) => resolve(data));
    });
    port1.postMessage(writes, [packEncodedBlobs(writes)]);
    return received.then((arrived) => {
      port1.close();
      port2.close();
      expect(Buffer.from(arrived[0]!.encoded!.record).toString()).toBe('a'.repeat(3000));
      expect(Buffer.from(arrived[0]!.encoded!.timeline!).toString()).toBe('b'.repeat(10));
      expect(Buffer.from(arrived[1]!.encoded!.record).toString()).toBe('ccccc');
      expect(arrived[1]!.encoded!.record.buffer).toBe(arrived[0]!.encoded!.record.buffer);
      // Transferred, not copied: the sender's buffer is detached.
      expect(writes[0]!.encoded!.record.byteLength).toBe(0);
    });
  });

  it('leaves writes without pre-encoded blobs alone', () => {
    const plain = {} as EventWrite;
    expect(packEncodedBlobs([plain]).byteLength).toBe(0);
    expect(plain.encoded).toBeUndefined();
  });
});
