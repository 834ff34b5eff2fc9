import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AppError } from '@fixloop/core';
import { parseStoreBody } from './store-body.ts';

const EVENT = { event_id: 'abcdef0123456789abcdef0123456789', message: 'hello', extra: { x: 1 } };

function storeError(body: Buffer, max?: number): AppError {
  try {
    parseStoreBody(body, max);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected parseStoreBody to throw');
}

describe('parseStoreBody', () => {
  it('parses plain JSON, leniently (sentry-python NaN)', () => {
    expect(parseStoreBody(Buffer.from(JSON.stringify(EVENT)))).toEqual(EVENT);
    expect(parseStoreBody(Buffer.from('\n {"a":NaN}'))).toEqual({ a: null });
  });

  it('auto-detects base64(zlib(json)) as old raven clients send it', () => {
    const body = Buffer.from(zlib.deflateSync(Buffer.from(JSON.stringify(EVENT))).toString('base64'));
    expect(parseStoreBody(body)).toEqual(EVENT);
  });

  it('auto-detects base64(json) without compression', () => {
    expect(parseStoreBody(Buffer.from(Buffer.from(JSON.stringify(EVENT)).toString('base64')))).toEqual(EVENT);
  });

  it('caps the inflated size', () => {
    const bomb = Buffer.from(zlib.deflateSync(Buffer.alloc(4 * 1024 * 1024, 0x20)).toString('base64'));
    expect(storeError(bomb, 1024 * 1024).code).toBe('payload_too_large');
  });

  it('rejects bodies that are neither JSON nor base64(zlib)', () => {
    expect(storeError(Buffer.alloc(0)).message).toBe('empty request body');
    expect(storeError(Buffer.from('<html>')).message).toBe('invalid JSON: body is neither JSON nor base64');
    expect(storeError(Buffer.from('aGVsbG8gd29ybGQ=')).message).toBe('failed to decode zlib payload');
    expect(storeError(Buffer.from('{"a":')).message).toMatch(/^invalid JSON: /);
  });
});
