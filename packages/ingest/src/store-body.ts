import zlib from 'node:zlib';
import { AppError } from '@fixloop/core';
import { INGEST_LIMITS } from './ingest-limits.ts';
import { parseJsonLenient } from './lenient-json.ts';

const OPEN_BRACE = 0x7b;
const BASE64 = /^[A-Za-z0-9+/\-_\s]*={0,2}\s*$/;

function startsWithBrace(data: Buffer): boolean {
  for (const byte of data) {
    if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) continue;
    return byte === OPEN_BRACE || byte === 0xef; // 0xef: UTF-8 BOM, handled by the lenient parser
  }
  return false;
}

/**
 * /store/ body (Relay `store.rs::decode_bytes`, spec §2): JSON as is, or `base64(zlib(json))` / `base64(json)`
 * sent by old raven clients without any Content-Encoding. The input is already capped at 200 KiB, and the inflate
 * is capped too, so the synchronous zlib call is short.
 */
export function parseStoreBody(
  body: Buffer,
  maxDecompressedBytes: number = INGEST_LIMITS.storeDecompressed,
): unknown {
  if (body.length === 0) throw new AppError('invalid_payload', 'empty request body');
  if (startsWithBrace(body)) return parseJsonLenient(body);
  const text = body.toString('latin1');
  if (!BASE64.test(text))
    throw new AppError('invalid_payload', 'invalid JSON: body is neither JSON nor base64');
  const binary = Buffer.from(text, 'base64');
  if (startsWithBrace(binary)) return parseJsonLenient(binary);
  let inflated: Buffer;
  try {
    inflated = zlib.inflateSync(binary, { maxOutputLength: maxDecompressedBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new AppError('payload_too_large', 'decompressed payload exceeds the size limit', {
        limit: maxDecompressedBytes,
      });
    }
    throw new AppError('invalid_payload', 'failed to decode zlib payload');
  }
  return parseJsonLenient(inflated);
}
