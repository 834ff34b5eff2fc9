import type { SentryEvent } from '@fixloop/core';

/**
 * Tolerant readers over raw or normalized Sentry events: every accessor accepts the shapes SDKs send
 * (bare lists or `{values}`, legacy `sentry.interfaces.*` keys) and returns nothing for bad shapes.
 */
export type JsonRecord = Record<string, unknown>;

export function asRecord(value: unknown): JsonRecord | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonRecord)
    : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Like Relay's lenient strings: numbers and booleans become strings, objects are dropped. */
export function asLenientString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function valuesOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  const values = asRecord(value)?.values;
  return Array.isArray(values) ? values : [];
}

export function readInterface(event: SentryEvent, key: string, legacy: string): unknown {
  return event[key] ?? event[legacy];
}

export function eventPlatform(event: SentryEvent): string {
  return asString(event.platform) ?? 'other';
}

export interface LogEntry {
  message?: string;
  formatted?: string;
}

/** `logentry`, `sentry.interfaces.Message`, or a legacy top-level `message` (string or object). */
export function readLogEntry(event: SentryEvent): LogEntry | undefined {
  const raw = event.logentry ?? event['sentry.interfaces.Message'] ?? event.message;
  if (typeof raw === 'string') return raw === '' ? undefined : { formatted: raw };
  const record = asRecord(raw);
  if (!record) return undefined;
  const entry: LogEntry = {};
  const message = asLenientString(record.message);
  const formatted = asLenientString(record.formatted);
  if (message) entry.message = message;
  if (formatted) entry.formatted = formatted;
  return entry.message === undefined && entry.formatted === undefined ? undefined : entry;
}

/** Tags as pairs, from either `[[k, v]]` or `{k: v}`. */
export function readTags(event: SentryEvent): [string, string][] {
  const raw = event.tags;
  const pairs: [string, string][] = [];
  if (Array.isArray(raw)) {
    for (const item of raw) {
      if (Array.isArray(item) && typeof item[0] === 'string') {
        const value = asLenientString(item[1]);
        if (value !== undefined) pairs.push([item[0], value]);
      }
    }
  } else {
    for (const [key, value] of Object.entries(asRecord(raw) ?? {})) {
      const text = asLenientString(value);
      if (text !== undefined) pairs.push([key, text]);
    }
  }
  return pairs;
}
