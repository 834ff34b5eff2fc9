import { brotliCompressSync, brotliDecompressSync, constants, inflateSync } from 'node:zlib';
import { AppError } from '@fixloop/core';

/**
 * Stored JSON blobs are self-describing by their first byte, so every format ever written still decodes:
 * - `{` / `[`: plain UTF-8 JSON (small values, where a compressor's fixed per-call cost buys little);
 * - BROTLI then a brotli stream (the hot-path format for larger values);
 * - 0x78: a zlib stream (what earlier versions wrote for every value).
 */
const BROTLI = 0x02;
const ZLIB_HEADER = 0x78;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;

/** Below this many UTF-8 bytes a value is stored uncompressed. */
export const COMPRESS_MIN_BYTES = 1024;

/**
 * Brotli quality 0 with a 16 KB window. Against quality 1 it stores ~4% more bytes on the real-SDK
 * event samples (73.9 vs 71.1 KB for the 20 of them over 1 KB) and ~3% more on the bench's 6.5 KB
 * normalized events (1,910 vs 1,860 B), for ~25% less compression time (25 vs 33 µs per event); in the
 * ingest bench that was +4-5% events/s at the 5 KB peak (2026-12-07, docs/adr/0003). zlib level 1, the
 * earlier format, took 53 µs for 1,777 B. 2 KB output chunks (default 16 KB) come from Node's
 * buffer pool instead of a fresh 16 KB allocation per value.
 */
const BROTLI_OPTIONS = {
  chunkSize: 2048,
  params: { [constants.BROTLI_PARAM_QUALITY]: 0, [constants.BROTLI_PARAM_LGWIN]: 14 },
};

export function compressJson(value: unknown): Buffer {
  return encodeJsonText(JSON.stringify(value));
}

export function encodeJsonText(text: string): Buffer {
  if (isSmall(text) && (text.startsWith('{') || text.startsWith('['))) return Buffer.from(text, 'utf8');
  const compressed = brotliCompressSync(text, BROTLI_OPTIONS);
  const out = Buffer.allocUnsafe(compressed.length + 1);
  out[0] = BROTLI;
  compressed.copy(out, 1);
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
    case BROTLI:
      return brotliDecompressSync(bytes.subarray(1)).toString('utf8');
    case ZLIB_HEADER:
      return inflateSync(bytes).toString('utf8');
    default:
      throw new AppError('internal', `stored JSON blob has an unknown format byte ${bytes[0] ?? 'none'}`);
  }
}

export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}
