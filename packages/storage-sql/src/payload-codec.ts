import { deflateRawSync, inflateRawSync, inflateSync } from 'node:zlib';
import { AppError } from '@fixloop/core';

/**
 * Stored JSON blobs are self-describing by their first byte, so every format ever written still decodes:
 * - `{` / `[`: plain UTF-8 JSON (small values, where deflate's fixed per-call cost of ~10 µs buys little);
 * - RAW_DEFLATE then a raw deflate stream (the hot-path format for larger values);
 * - 0x78: a zlib stream (what earlier versions wrote for every value).
 */
const RAW_DEFLATE = 0x01;
const ZLIB_HEADER = 0x78;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;

/** Below this many UTF-8 bytes a value is stored uncompressed. */
export const COMPRESS_MIN_BYTES = 1024;

/**
 * Level 1 with an 8 KB window and a small hash table: event payloads are a few KB, so a 32 KB window
 * finds nothing more, while initialising the larger state costs measurable time on every call
 * (bench/write-batch-bench.ts in storage-sqlite: same output size, ~25% less deflate time).
 */
const DEFLATE_OPTIONS = { level: 1, windowBits: 13, memLevel: 6 } as const;

export function compressJson(value: unknown): Buffer {
  return encodeJsonText(JSON.stringify(value));
}

export function encodeJsonText(text: string): Buffer {
  if (isSmall(text) && (text.startsWith('{') || text.startsWith('['))) return Buffer.from(text, 'utf8');
  const deflated = deflateRawSync(text, DEFLATE_OPTIONS);
  const out = Buffer.allocUnsafe(deflated.length + 1);
  out[0] = RAW_DEFLATE;
  deflated.copy(out, 1);
  return out;
}

/** Fewer UTF-8 bytes than COMPRESS_MIN_BYTES; a UTF-16 unit is at most 3 UTF-8 bytes, so short text skips counting. */
function isSmall(text: string): boolean {
  return text.length * 3 < COMPRESS_MIN_BYTES || Buffer.byteLength(text) < COMPRESS_MIN_BYTES;
}

export function decompressJson<T>(data: Uint8Array): T {
  return JSON.parse(decodeJsonText(data)) as T;
}

function decodeJsonText(data: Uint8Array): string {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  switch (bytes[0]) {
    case OPEN_BRACE:
    case OPEN_BRACKET:
      return bytes.toString('utf8');
    case RAW_DEFLATE:
      return inflateRawSync(bytes.subarray(1)).toString('utf8');
    case ZLIB_HEADER:
      return inflateSync(bytes).toString('utf8');
    default:
      throw new AppError('internal', `stored JSON blob has an unknown format byte ${bytes[0] ?? 'none'}`);
  }
}

export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}
