import { createHash } from 'node:crypto';

export function sha1Hex(data: Uint8Array): string {
  return createHash('sha1').update(data).digest('hex');
}

const SHA1_HEX = /^[0-9a-f]{40}$/;

/** sentry-cli names chunks and files by lower-case sha1 hex; anything else is not a checksum. */
export function isSha1Hex(value: string): boolean {
  return SHA1_HEX.test(value);
}

export type AssemblyResult =
  | { ok: true; data: Uint8Array }
  | { ok: false; missing: string[] }
  | { ok: false; missing: []; error: string };

/**
 * Concatenates chunks in the order sentry-cli listed them and checks the whole file's sha1. Missing
 * chunks are reported (the CLI uploads them and asks again); a checksum mismatch is an error.
 */
export function assembleChunks(
  order: readonly string[],
  chunks: ReadonlyMap<string, Uint8Array>,
  expectedChecksum: string,
): AssemblyResult {
  const missing = [...new Set(order.filter((checksum) => !chunks.has(checksum)))];
  if (missing.length > 0) return { ok: false, missing };
  const parts = order.map((checksum) => chunks.get(checksum) ?? new Uint8Array());
  const total = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const data = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    data.set(part, offset);
    offset += part.byteLength;
  }
  const actual = sha1Hex(data);
  if (actual !== expectedChecksum.toLowerCase()) {
    return {
      ok: false,
      missing: [],
      error: `checksum mismatch: expected ${expectedChecksum}, assembled ${actual}`,
    };
  }
  return { ok: true, data };
}
