const DATE_TAG = '$date';

/**
 * JSON for what alerting keeps between jobs (pending deliveries, throttle state): Dates survive the round
 * trip as `{"$date": iso}`, so a message sent on retry is the one that was decided.
 */
export function encodeAlertPayload(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, json: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { [DATE_TAG]: raw.toISOString() } : json;
  });
}

export function decodeAlertPayload(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const tagged = (value as Record<string, unknown>)[DATE_TAG];
      if (typeof tagged === 'string' && Object.keys(value).length === 1) return new Date(tagged);
    }
    return value;
  });
}
