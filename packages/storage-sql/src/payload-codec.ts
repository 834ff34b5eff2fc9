import { deflateSync, inflateSync } from 'node:zlib';

/** Level 1: payloads are compressed on the ingest hot path, where speed beats the last few percent. */
const LEVEL = 1;

export function compressJson(value: unknown): Buffer {
  return deflateSync(Buffer.from(JSON.stringify(value), 'utf8'), { level: LEVEL });
}

export function decompressJson<T>(data: Uint8Array): T {
  return JSON.parse(inflateSync(data).toString('utf8')) as T;
}

export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}
