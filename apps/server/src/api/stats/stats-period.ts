import { AppError } from '@fixloop/core';

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `24h`, `14d`, `90m`, `2w` -> milliseconds; null when the text is not a period. */
export function parsePeriodMs(text: string): number | null {
  const match = /^(\d{1,6})([smhdw])$/.exec(text);
  if (match === null) return null;
  return Number(match[1]) * (UNIT_MS[match[2] ?? ''] ?? 0);
}

export interface TimeRange {
  start: Date;
  end: Date;
  /** False when the caller gave no range and the default applies. */
  explicit: boolean;
}

/**
 * Sentry's time range parameters: `statsPeriod=24h`, or `start` and `end` (ISO 8601); otherwise the
 * default period back from now. Bad values are a 400 naming the parameter.
 */
export function timeRange(
  params: { statsPeriod?: string | undefined; start?: string | undefined; end?: string | undefined },
  now: Date,
  defaultMs: number,
): TimeRange {
  if (params.start !== undefined || params.end !== undefined) {
    const start = Date.parse(params.start ?? '');
    const end = Date.parse(params.end ?? '');
    if (Number.isNaN(start)) throw badParam('start', 'start and end must both be ISO 8601 dates');
    if (Number.isNaN(end)) throw badParam('end', 'start and end must both be ISO 8601 dates');
    if (end <= start) throw badParam('end', 'end must be after start');
    return { start: new Date(start), end: new Date(end), explicit: true };
  }
  if (params.statsPeriod !== undefined && params.statsPeriod !== '') {
    const ms = parsePeriodMs(params.statsPeriod);
    if (ms === null || ms <= 0) throw badParam('statsPeriod', 'statsPeriod must look like 24h, 14d or 90m');
    return { start: new Date(now.getTime() - ms), end: now, explicit: true };
  }
  return { start: new Date(now.getTime() - defaultMs), end: now, explicit: false };
}

export function badParam(field: string, message: string): AppError {
  return new AppError('bad_request', `Invalid query field "${field}": ${message}`, {
    fields: { [field]: [message] },
  });
}
