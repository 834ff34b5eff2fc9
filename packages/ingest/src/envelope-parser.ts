import { AppError } from '@fixloop/core';

export interface EnvelopeItem {
  headers: Record<string, unknown> & { type: string; length?: number };
  payload: Buffer;
}

export interface Envelope {
  headers: Record<string, unknown>;
  items: EnvelopeItem[];
}

const NEWLINE = 0x0a;

function invalid(reason: string): AppError {
  return new AppError('invalid_payload', reason);
}

/** Index of the next `\n` at or after `from`, or the end of the buffer. */
function lineEnd(body: Buffer, from: number): number {
  const nl = body.indexOf(NEWLINE, from);
  return nl === -1 ? body.length : nl;
}

function isJsonWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function parseHeaderLine(body: Buffer, start: number, end: number, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8', start, end));
  } catch (error) {
    throw invalid(`invalid ${what} at byte ${start}: ${(error as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalid(`invalid ${what} at byte ${start}: not a JSON object`);
  }
  return value as Record<string, unknown>;
}

function readLength(headers: Record<string, unknown>, index: number): number | undefined {
  const length = headers['length'];
  if (length === undefined || length === null) return undefined;
  if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) {
    throw invalid(`invalid item header of item ${index}: 'length' must be a non-negative integer`);
  }
  return length;
}

/**
 * Parses one item starting at `start` (first byte of its header line).
 * Returns the item and the offset where the next item may start.
 */
function parseItem(body: Buffer, start: number, index: number): [EnvelopeItem, number] {
  const headerEnd = lineEnd(body, start);
  const headers = parseHeaderLine(body, start, headerEnd, `item header of item ${index}`);
  const type = headers['type'];
  if (typeof type !== 'string' || type === '') {
    throw invalid(`invalid item header of item ${index}: missing 'type'`);
  }
  const payloadStart = Math.min(headerEnd + 1, body.length);
  const length = readLength(headers, index);
  let payloadEnd: number;
  if (length === undefined) {
    payloadEnd = lineEnd(body, payloadStart);
  } else {
    payloadEnd = payloadStart + length;
    if (payloadEnd > body.length) {
      throw invalid(
        `unexpected end of file: item ${index} ('${type}') declares length ${length} ` +
          `but only ${body.length - payloadStart} bytes remain`,
      );
    }
    if (payloadEnd < body.length && body[payloadEnd] !== NEWLINE) {
      throw invalid(`missing newline after payload of item ${index} ('${type}') at byte ${payloadEnd}`);
    }
  }
  const item = {
    headers: headers as EnvelopeItem['headers'],
    payload: body.subarray(payloadStart, payloadEnd),
  };
  return [item, payloadEnd + 1];
}

/** Spec §3 byte-level grammar (Relay `Envelope::parse_bytes` semantics, slightly more lenient about blank lines). */
export function parseEnvelope(body: Buffer): Envelope {
  let offset = 0;
  while (offset < body.length && isJsonWhitespace(body[offset]!)) offset++;
  if (offset >= body.length) throw invalid('empty envelope: missing envelope header');
  const headerEnd = lineEnd(body, offset);
  const headers = parseHeaderLine(body, offset, headerEnd, 'envelope header');
  const items: EnvelopeItem[] = [];
  offset = headerEnd + 1;
  for (;;) {
    // Serde's stream deserializer in Relay skips whitespace before each header, so blank lines between
    // items and trailing newlines are tolerated.
    while (offset < body.length && isJsonWhitespace(body[offset]!)) offset++;
    if (offset >= body.length) break;
    const [item, next] = parseItem(body, offset, items.length);
    items.push(item);
    offset = next;
  }
  return { headers, items };
}
