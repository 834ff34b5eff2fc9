import { describe, expect, it } from 'vitest';
import { assembleChunks, isSha1Hex, sha1Hex } from './chunk-assembly.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('assembleChunks', () => {
  const parts = ['hello ', 'chunked ', 'world'].map(bytes);
  const checksums = parts.map(sha1Hex);
  const whole = sha1Hex(bytes('hello chunked world'));
  const store = new Map(checksums.map((c, i) => [c, parts[i] ?? new Uint8Array()]));

  it('concatenates chunks in the listed order and verifies the whole sha1', () => {
    const result = assembleChunks(checksums, store, whole.toUpperCase());
    expect(result.ok && new TextDecoder().decode(result.data)).toBe('hello chunked world');
  });

  it('reports missing chunks once each, in order', () => {
    const partial = new Map([[checksums[1] ?? '', parts[1] ?? new Uint8Array()]]);
    expect(assembleChunks([...checksums, checksums[0] ?? ''], partial, whole)).toEqual({
      ok: false,
      missing: [checksums[0], checksums[2]],
    });
  });

  it('fails on a checksum mismatch (chunks in the wrong order)', () => {
    const result = assembleChunks([...checksums].reverse(), store, whole);
    expect(result).toMatchObject({ ok: false, missing: [] });
    expect(!result.ok && 'error' in result && result.error).toMatch(/checksum mismatch/);
  });

  it('knows a sha1 hex name when it sees one', () => {
    expect(sha1Hex(bytes('abc'))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(isSha1Hex('a9993e364706816aba3e25717850c26c9cd0d89d')).toBe(true);
    expect(isSha1Hex('../../etc/passwd')).toBe(false);
    expect(isSha1Hex('A9993E364706816ABA3E25717850C26C9CD0D89D')).toBe(false);
  });
});
