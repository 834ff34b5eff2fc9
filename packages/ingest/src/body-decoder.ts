import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { AppError } from '@fixloop/core';
import { decodeZstd } from './zstd-decoder.ts';

type ZlibDecoder = (data: Buffer, options: zlib.ZlibOptions & zlib.BrotliOptions) => Promise<Buffer>;

const gunzip = promisify(zlib.gunzip) as ZlibDecoder;
const inflate = promisify(zlib.inflate) as ZlibDecoder;
const inflateRaw = promisify(zlib.inflateRaw) as ZlibDecoder;
const brotliDecompress = promisify(zlib.brotliDecompress) as ZlibDecoder;

function tooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', 'decompressed payload exceeds the size limit', {
    limit: maxBytes,
  });
}

/** zlib's `maxOutputLength` aborts the inflate as soon as it is passed, so a zip bomb is never fully allocated. */
async function runZlib(decoder: ZlibDecoder, body: Buffer, name: string, maxBytes: number): Promise<Buffer> {
  try {
    // Node rejects maxOutputLength 0; an empty limit still means "nothing may come out".
    const output = await decoder(body, { maxOutputLength: Math.max(1, maxBytes) });
    if (output.length > maxBytes) throw tooLarge(maxBytes);
    return output;
  } catch (error) {
    if (error instanceof AppError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(maxBytes);
    throw new AppError('invalid_payload', `failed to decode ${name} payload`, {
      cause: (error as Error).message,
    });
  }
}

/** The docs say zlib-wrapped deflate, but some clients send raw deflate (BS accepts both): try zlib first. */
async function decodeDeflate(body: Buffer, maxBytes: number): Promise<Buffer> {
  try {
    return await runZlib(inflate, body, 'deflate', maxBytes);
  } catch (error) {
    if (error instanceof AppError && error.code === 'payload_too_large') throw error;
    return runZlib(inflateRaw, body, 'deflate', maxBytes);
  }
}

async function decodeOne(body: Buffer, encoding: string, maxBytes: number): Promise<Buffer> {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return runZlib(gunzip, body, 'gzip', maxBytes);
    case 'deflate':
      return decodeDeflate(body, maxBytes);
    case 'br':
      return runZlib(brotliDecompress, body, 'br', maxBytes);
    case 'zstd':
      return decodeZstd(body, maxBytes);
    case 'identity':
      if (body.length > maxBytes) throw tooLarge(maxBytes);
      return body;
    default:
      throw new AppError('invalid_payload', `unsupported content encoding '${encoding}'`);
  }
}

/**
 * Decodes a request body per `Content-Encoding` (spec §2), capping the decompressed size while decoding.
 * `''` and `UTF-8` are ignored (sentry-ruby 5.x / sentry-java android quirk that Relay tolerates).
 * Several codings (`gzip, br`) are undone in reverse order of application.
 */
export async function decodeBody(
  body: Buffer,
  contentEncoding: string | undefined,
  maxDecompressedBytes: number,
): Promise<Buffer> {
  const encodings = (contentEncoding ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== '' && e !== 'utf-8');
  let output = body;
  for (const encoding of encodings.reverse()) {
    output = await decodeOne(output, encoding, maxDecompressedBytes);
  }
  if (encodings.length === 0 && output.length > maxDecompressedBytes) throw tooLarge(maxDecompressedBytes);
  return output;
}
