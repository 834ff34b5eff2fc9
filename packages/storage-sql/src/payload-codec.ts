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
 * Brotli with a 64 KB window, at quality 0 for values under 16 K characters (bytes, for byte input)
 * and 1 above. Measured on the bench's normalized events and the real-SDK samples (2026-12-07,
 * docs/adr/0003): on ~6 KB events quality 0 stores ~2% more than 1 (1,803 vs 1,763 B) in ~25% less
 * time, +4-5% events/s at the 5 KB ingest peak; on ~50 KB events it stores 24% more (3,575 vs 2,892 B)
 * for ~12% less time, so large values take quality 1. The window matters for large values only: the
 * earlier 16 KB window cost 183/110 µs (q0/q1) per 50 KB event against 76/86 µs, and made them bigger.
 * 2 KB output chunks (default 16 KB) come from Node's buffer pool instead of a fresh 16 KB allocation
 * per value.
 */
const DENSE_FROM_CHARS = 16 * 1024;
const brotliOptions = (quality: number) => ({
  chunkSize: 2048,
  params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_LGWIN]: 16 },
});
const FAST = brotliOptions(0);
const DENSE = brotliOptions(1);

export function compressJson(value: unknown): Buffer {
  return encodeJsonText(JSON.stringify(value));
}

export function encodeJsonText(text: string): Buffer {
  if (isSmall(text) && (text.startsWith('{') || text.startsWith('['))) return Buffer.from(text, 'utf8');
  return brotliBlob(text, text.length);
}

/**
 * Compresses a blob that was stored-ready but left as plain JSON bytes (`{`/`[` first) when it is at
 * least COMPRESS_MIN_BYTES, as `encodeJsonText` would have; any other blob comes back as it is.
 */
export function compressPlainJson(blob: Uint8Array): Uint8Array {
  const first = blob[0];
  if ((first !== OPEN_BRACE && first !== OPEN_BRACKET) || blob.byteLength < COMPRESS_MIN_BYTES) return blob;
  return brotliBlob(blob, blob.byteLength);
}

function brotliBlob(input: string | Uint8Array, size: number): Buffer {
  const compressed = brotliCompressSync(input, size < DENSE_FROM_CHARS ? FAST : DENSE);
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
