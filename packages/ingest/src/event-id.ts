import { AppError } from '@fixloop/core';

const SIMPLE = /^[0-9a-f]{32}$/i;
const HYPHENATED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Normalizes an event id to 32 lowercase hex. Accepts every form Relay's `Uuid::parse_str` accepts:
 * simple, hyphenated, braced (`{...}`) and `urn:uuid:...`. `null`/`undefined` mean "absent".
 */
export function normalizeEventId(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new AppError('invalid_payload', 'bad event id');
  let id = value.trim();
  if (id.startsWith('{') && id.endsWith('}')) id = id.slice(1, -1);
  else if (id.toLowerCase().startsWith('urn:uuid:')) id = id.slice('urn:uuid:'.length);
  if (SIMPLE.test(id)) return id.toLowerCase();
  if (HYPHENATED.test(id)) return id.replaceAll('-', '').toLowerCase();
  throw new AppError('invalid_payload', 'bad event id', { value: value.slice(0, 100) });
}
