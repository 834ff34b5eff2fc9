/** A captured value Sentry could only describe (`<Map(2)>`, a class instance): its contents are unknown. */
export class OpaqueValue {
  constructor(readonly description: string) {}
}

/**
 * Decodes @sentry/node's LocalVariables encoding: `undefined` and `null` arrive as the strings
 * "<undefined>" and "<null>", other non-plain values as "<description>", and nested objects beyond the
 * first level are dropped (so they come back as missing properties, i.e. undefined).
 */
export function decodeNodeValue(raw: unknown): unknown {
  if (raw === '<undefined>') return undefined;
  if (raw === '<null>') return null;
  if (typeof raw === 'string' && /^<[^<>]+>$/.test(raw)) return new OpaqueValue(raw.slice(1, -1));
  if (Array.isArray(raw)) return raw.map(decodeNodeValue);
  if (typeof raw === 'object' && raw !== null) {
    return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, decodeNodeValue(value)]));
  }
  return raw;
}
