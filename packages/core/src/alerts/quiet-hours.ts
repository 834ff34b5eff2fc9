import type { Severity } from '../events/event-types.ts';

/** A daily quiet period in the channel's local time; `start` > `end` spans midnight. */
export interface QuietHours {
  /** `HH:MM`, 24-hour clock. */
  start: string;
  end: string;
  /** Local time minus UTC, in minutes (UTC+2 is 120); 0 for UTC. */
  utcOffsetMinutes: number;
  /** Alerts of these severities go out even during quiet hours. */
  bypassSeverities?: Severity[];
}

const MINUTES_PER_DAY = 24 * 60;
const MINUTE_MS = 60_000;

function minuteOfDay(hhmm: string): number {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!match) throw new RangeError(`invalid time of day: ${hhmm}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

function localMinute(quiet: QuietHours, now: Date): number {
  const utcMinute = Math.floor(now.getTime() / MINUTE_MS);
  return (((utcMinute + quiet.utcOffsetMinutes) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
}

export function isQuietTime(quiet: QuietHours, now: Date): boolean {
  const start = minuteOfDay(quiet.start);
  const end = minuteOfDay(quiet.end);
  const minute = localMinute(quiet, now);
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** The first moment after `now` at which quiet hours are over (start of the `end` minute). */
export function quietHoursEnd(quiet: QuietHours, now: Date): Date {
  const untilEnd = (minuteOfDay(quiet.end) - localMinute(quiet, now) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  const minuteStart = Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS;
  return new Date(minuteStart + (untilEnd || MINUTES_PER_DAY) * MINUTE_MS);
}
