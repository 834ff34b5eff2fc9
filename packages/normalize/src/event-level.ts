import type { Level } from '@fixloop/core';

const ALIASES = new Map<string, Level>(
  Object.entries({
    fatal: 'fatal',
    critical: 'fatal',
    error: 'error',
    warning: 'warning',
    warn: 'warning',
    info: 'info',
    log: 'info',
    debug: 'debug',
    trace: 'debug',
  }) as [string, Level][],
);

/** Python logging levels (10 DEBUG … 50 CRITICAL), as Relay accepts them. */
const PYTHON_LEVELS = new Map<number, Level>([
  [10, 'debug'],
  [20, 'info'],
  [30, 'warning'],
  [40, 'error'],
  [50, 'fatal'],
]);

/** A Sentry level, or null when the value is not one (the caller defaults to `error`). */
export function parseLevel(value: unknown): Level | null {
  if (typeof value === 'string') {
    // Nearly every SDK sends a canonical name, which trimming and lowercasing would not change.
    const direct = ALIASES.get(value);
    if (direct) return direct;
    const text = value.trim().toLowerCase();
    if (/^\d+$/.test(text)) return PYTHON_LEVELS.get(Number(text)) ?? null;
    return ALIASES.get(text) ?? null;
  }
  if (typeof value === 'number') return PYTHON_LEVELS.get(value) ?? null;
  return null;
}
