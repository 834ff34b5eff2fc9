import type { CronExpression } from './cron-expression.ts';

const MINUTE_MS = 60_000;
/** A schedule with no slot in this many years (e.g. `0 0 30 2 *`) never fires. */
const SEARCH_YEARS = 5;

function dayMatches(cron: CronExpression, date: Date): boolean {
  const dom = cron.daysOfMonth.has(date.getUTCDate());
  const dow = cron.daysOfWeek.has(date.getUTCDay());
  if (cron.dayOfMonthRestricted && cron.dayOfWeekRestricted) return dom || dow;
  if (cron.dayOfMonthRestricted) return dom;
  if (cron.dayOfWeekRestricted) return dow;
  return true;
}

/**
 * The first slot strictly after `after` (UTC, minute precision), or null when the expression never fires.
 * Skips whole months, days and hours that cannot match, so it is cheap even for sparse schedules.
 */
export function nextCronSlot(cron: CronExpression, after: Date): Date | null {
  const t = new Date(Math.floor(after.getTime() / MINUTE_MS) * MINUTE_MS + MINUTE_MS);
  const lastYear = t.getUTCFullYear() + SEARCH_YEARS;
  while (t.getUTCFullYear() <= lastYear) {
    if (!cron.months.has(t.getUTCMonth() + 1)) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1);
      t.setUTCHours(0, 0, 0, 0);
    } else if (!dayMatches(cron, t)) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0, 0, 0);
    } else if (!cron.hours.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0, 0, 0);
    } else if (!cron.minutes.has(t.getUTCMinutes())) {
      t.setUTCMinutes(t.getUTCMinutes() + 1, 0, 0);
    } else {
      return t;
    }
  }
  return null;
}
