const UUID = /^([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})/;

/**
 * Debug ids are UUIDs; SDKs and tools write them upper- or lower-case, with or without dashes, and
 * native ones carry an appendix (`…-1a`). Returns the canonical lower-case dashed UUID, or null.
 */
export function normalizeDebugId(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = UUID.exec(value.trim().toLowerCase());
  if (match === null) return null;
  return match.slice(1, 6).join('-');
}
