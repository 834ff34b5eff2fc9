import { randomUUID } from 'node:crypto';

const HEX32 = /^[0-9a-f]{32}$/;

/** 32 hex (any case) or a dashed UUID -> 32 lowercase hex; anything else -> null. */
export function parseEventId(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const id = value.trim().replace(/-/g, '').toLowerCase();
  return HEX32.test(id) ? id : null;
}

export function randomEventId(): string {
  return randomUUID().replace(/-/g, '');
}
