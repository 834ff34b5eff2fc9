import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AppError } from '@fixloop/core';
import {
  COMPRESS_MIN_BYTES,
  compressJson,
  compressPlainJson,
  decompressJson,
  encodeJsonText,
} from './payload-codec.ts';

const large = { frames: Array.from({ length: 200 }, (_, i) => ({ function: `handler${i}`, lineno: i })) };

describe('payload codec', () => {
  it('stores small objects as plain JSON and round-trips them', () => {
    const value = { a: 1, text: 'héllo ✓', list: [1, null, 'x'] };
    const blob = compressJson(value);
    expect(blob.toString('utf8')).toBe(JSON.stringify(value));
    expect(decompressJson(blob)).toEqual(value);
    expect(decompressJson(compressJson([1, 2]))).toEqual([1, 2]);
  });

  it('compresses large values behind a format byte and round-trips them', () => {
    const blob = compressJson(large);
    expect(blob[0]).toBe(0x02);
    expect(blob.length).toBeLessThan(JSON.stringify(large).length / 3);
    expect(decompressJson(blob)).toEqual(large);
  });

  it('round-trips values on both sides of the quality switch (16 K characters)', () => {
    const frames = (n: number) => ({
      frames: Array.from({ length: n }, (_, i) => ({ function: `handler${i}`, file: `src/m${i % 7}.js` })),
    });
    const small = frames(100);
    const big = frames(1000);
    expect(JSON.stringify(small).length).toBeLessThan(16 * 1024);
    expect(JSON.stringify(big).length).toBeGreaterThan(16 * 1024);
    for (const value of [small, big]) {
      const blob = compressJson(value);
      expect(blob[0]).toBe(0x02);
      expect(blob.length).toBeLessThan(JSON.stringify(value).length / 5);
      expect(decompressJson(blob)).toEqual(value);
    }
  });

  it('compresses plain JSON bytes as encodeJsonText compresses the text, and leaves other blobs', () => {
    const text = JSON.stringify(large);
    const plain = Buffer.from(text);
    expect(Buffer.from(compressPlainJson(plain)).equals(encodeJsonText(text))).toBe(true);
    const small = Buffer.from('{"a":1}');
    expect(compressPlainJson(small)).toBe(small);
    const compressed = encodeJsonText(text);
    expect(compressPlainJson(compressed)).toBe(compressed);
  });

  it('counts UTF-8 bytes, not characters, against the threshold', () => {
    const text = JSON.stringify({ s: 'é'.repeat(Math.ceil(COMPRESS_MIN_BYTES / 2)) });
    expect(text.length).toBeLessThan(COMPRESS_MIN_BYTES);
    expect(encodeJsonText(text)[0]).toBe(0x02);
    expect(decompressJson(encodeJsonText(text))).toEqual(JSON.parse(text));
  });

  it('compresses JSON that is not an object or array, so its first byte cannot be mistaken', () => {
    expect(encodeJsonText('"x"')[0]).toBe(0x02);
    expect(decompressJson(encodeJsonText('"x"'))).toBe('x');
    expect(decompressJson(encodeJsonText('12'))).toBe(12);
  });

  it('still reads zlib blobs written by earlier versions', () => {
    expect(decompressJson(deflateSync(JSON.stringify(large), { level: 1 }))).toEqual(large);
    expect(decompressJson(deflateSync(JSON.stringify({ a: 1 })))).toEqual({ a: 1 });
  });

  it('decodes blobs handed over as a Uint8Array view into a larger buffer', () => {
    const blob = compressJson(large);
    const padded = new Uint8Array(blob.length + 8);
    padded.set(blob, 4);
    expect(decompressJson(padded.subarray(4, 4 + blob.length))).toEqual(large);
  });

  it('rejects a blob of unknown format with a clear error', () => {
    expect(() => decompressJson(Buffer.from([0x03, 1, 2]))).toThrow(AppError);
    expect(() => decompressJson(Buffer.alloc(0))).toThrow(/unknown format byte none/);
  });
});
