import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AppError } from '@fixloop/core';
import { decodeBody } from './body-decoder.ts';

const MiB = 1024 * 1024;
const PAYLOAD = Buffer.from('{"type":"event"}\n{"message":"hello","level":"error"}\n'.repeat(20));

/** The expected text of ZSTD_FRAME: 50 times an event item, the message numbered i % 5. */
function zstdFramePlainText(): string {
  let text = '';
  for (let i = 0; i < 50; i++)
    text += `{"type":"event"}\n{"message":"hello from zstd #${i % 5}","level":"error"}\n`;
  return text;
}
// No zstd compressor exists in node_modules (fzstd only decompresses), so this frame was made once with the
// `zstd` 1.5.4 CLI (`zstd -19`) from zstdFramePlainText(); it holds a real compressed block.
const ZSTD_FRAME = Buffer.from(
  '28b52ffd64e40b95020062040f11907d904f94e33596ddb52347cba2fb031de89802b65349e97bf2f7f79f0f27222c5b738092b2' +
    '20df7be7c9bfa95a1fba06db6dfcfb9efc27b6ae030600976b5a3e80e40c24662089413ae1c20c679f9d6f1c',
  'hex',
);
// `printf 'second frame' | zstd -c`: a raw-block frame with a checksum.
const ZSTD_SECOND_FRAME = Buffer.from('28b52ffd04586100007365636f6e64206672616d65176407b6', 'hex');

/** A hand-built zstd frame of `blocks` RLE blocks of 128 KiB zeros each: a few bytes per 128 KiB of output. */
function zstdZeroBomb(blocks: number, windowByte = 0x38): Buffer {
  const parts = [Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, windowByte])];
  for (let i = 0; i < blocks; i++) {
    const last = i === blocks - 1 ? 1 : 0;
    const header = ((128 * 1024) << 3) | (1 << 1) | last;
    parts.push(Buffer.from([header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff, 0x00]));
  }
  return Buffer.concat(parts);
}

async function decodeError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => new Error('expected rejection'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('decodeBody: round trips', () => {
  it.each([
    ['gzip', promisify(zlib.gzip)],
    ['x-gzip', promisify(zlib.gzip)],
    ['deflate', promisify(zlib.deflate)],
    ['br', promisify(zlib.brotliCompress)],
  ] as const)('%s', async (encoding, compress) => {
    const compressed = await compress(PAYLOAD);
    expect(await decodeBody(compressed, encoding, MiB)).toEqual(PAYLOAD);
    expect(await decodeBody(compressed, encoding.toUpperCase(), MiB)).toEqual(PAYLOAD);
  });

  it('deflate falls back to raw deflate (no zlib wrapper)', async () => {
    expect(await decodeBody(zlib.deflateRawSync(PAYLOAD), 'deflate', MiB)).toEqual(PAYLOAD);
  });

  it('zstd (frame made by the zstd CLI, with a compressed block)', async () => {
    const decoded = await decodeBody(ZSTD_FRAME, 'zstd', MiB);
    expect(decoded.toString()).toBe(zstdFramePlainText());
  });

  it('zstd with two concatenated frames', async () => {
    const decoded = await decodeBody(Buffer.concat([ZSTD_FRAME, ZSTD_SECOND_FRAME]), 'zstd', MiB);
    expect(decoded.toString()).toBe(zstdFramePlainText() + 'second frame');
  });

  it("identity, absent, '' and 'UTF-8' leave the body as is", async () => {
    for (const encoding of ['identity', undefined, '', 'UTF-8', 'utf-8']) {
      expect(await decodeBody(PAYLOAD, encoding, MiB)).toBe(PAYLOAD);
    }
  });

  it('undoes stacked encodings in reverse order', async () => {
    const twice = zlib.brotliCompressSync(zlib.gzipSync(PAYLOAD));
    expect(await decodeBody(twice, 'gzip, br', MiB)).toEqual(PAYLOAD);
  });
});

describe('decodeBody: limits (zip-bomb safety)', () => {
  it('cuts off 50 MB of gzipped zeros at the cap', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(50 * MiB), { level: 9 });
    expect(bomb.length).toBeLessThan(100 * 1024);
    const heapBefore = process.memoryUsage().arrayBuffers;
    const error = await decodeError(decodeBody(bomb, 'gzip', 1 * MiB));
    expect(error.code).toBe('payload_too_large');
    expect(error.details).toMatchObject({ limit: MiB });
    // The 50 MB were never materialized (generous bound: the bomb itself and zlib buffers are tiny).
    expect(process.memoryUsage().arrayBuffers - heapBefore).toBeLessThan(20 * MiB);
  });

  it('cuts off deflate and brotli bombs', async () => {
    const zeros = Buffer.alloc(8 * MiB);
    for (const [encoding, data] of [
      ['deflate', zlib.deflateSync(zeros)],
      ['br', zlib.brotliCompressSync(zeros)],
    ] as const) {
      expect((await decodeError(decodeBody(data, encoding, MiB))).code).toBe('payload_too_large');
    }
  });

  it('cuts off a zstd bomb while streaming (50 MiB of RLE zeros in 1.6 KB)', async () => {
    const bomb = zstdZeroBomb(400);
    expect(bomb.length).toBeLessThan(2000);
    expect((await decodeError(decodeBody(bomb, 'zstd', MiB))).code).toBe('payload_too_large');
    // Under the cap the same construction decodes fine, which proves the bomb frame is valid zstd.
    const small = await decodeBody(zstdZeroBomb(4), 'zstd', MiB);
    expect(small.length).toBe(512 * 1024);
    expect(small.every((b) => b === 0)).toBe(true);
  });

  it('rejects a zstd frame whose declared window is huge, before allocating it', async () => {
    const error = await decodeError(decodeBody(zstdZeroBomb(1, (30 - 10) << 3), 'zstd', MiB));
    expect(error.code).toBe('payload_too_large');
  });

  it('applies the cap to an uncompressed body too', async () => {
    expect((await decodeError(decodeBody(Buffer.alloc(2048), undefined, 1024))).code).toBe(
      'payload_too_large',
    );
    expect((await decodeError(decodeBody(Buffer.alloc(2048), 'identity', 1024))).code).toBe(
      'payload_too_large',
    );
  });

  it('accepts output exactly at the cap', async () => {
    const exact = zlib.gzipSync(Buffer.alloc(4096, 7));
    expect((await decodeBody(exact, 'gzip', 4096)).length).toBe(4096);
  });
});

describe('decodeBody: bad input', () => {
  it.each([
    ['gzip', 'failed to decode gzip payload'],
    ['deflate', 'failed to decode deflate payload'],
    ['br', 'failed to decode br payload'],
    ['zstd', 'failed to decode zstd payload'],
  ])('corrupt %s -> invalid_payload', async (encoding, message) => {
    const error = await decodeError(decodeBody(Buffer.from('definitely not compressed data'), encoding, MiB));
    expect(error.code).toBe('invalid_payload');
    expect(error.message).toBe(message);
  });

  it('truncated gzip and zstd -> invalid_payload', async () => {
    const gz = zlib.gzipSync(PAYLOAD);
    expect((await decodeError(decodeBody(gz.subarray(0, gz.length - 10), 'gzip', MiB))).code).toBe(
      'invalid_payload',
    );
    const zst = ZSTD_FRAME.subarray(0, 40);
    expect((await decodeError(decodeBody(zst, 'zstd', MiB))).message).toBe('failed to decode zstd payload');
  });

  it('unknown encoding -> invalid_payload', async () => {
    const error = await decodeError(decodeBody(PAYLOAD, 'compress', MiB));
    expect(error.code).toBe('invalid_payload');
    expect(error.message).toBe("unsupported content encoding 'compress'");
  });
});
