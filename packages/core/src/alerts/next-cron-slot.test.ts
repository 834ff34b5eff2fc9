import { describe, expect, it } from 'vitest';
import { parseCronExpression, type CronExpression } from './cron-expression.ts';
import { nextCronSlot } from './next-cron-slot.ts';

function cron(source: string): CronExpression {
  const parsed = parseCronExpression(source);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.cron;
}
const next = (source: string, after: string) => nextCronSlot(cron(source), new Date(after))?.toISOString();

describe('parseCronExpression', () => {
  it('expands lists, ranges, steps, names and macros', () => {
    const c = cron('0,15-17,*/20 9-17/4 1 jan-mar MON-FRI');
    expect([...c.minutes].sort((a, b) => a - b)).toEqual([0, 15, 16, 17, 20, 40]);
    expect([...c.hours]).toEqual([9, 13, 17]);
    expect([...c.months]).toEqual([1, 2, 3]);
    expect([...c.daysOfWeek]).toEqual([1, 2, 3, 4, 5]);
    expect(c.dayOfMonthRestricted && c.dayOfWeekRestricted).toBe(true);
    expect([...cron('@daily').hours]).toEqual([0]);
    expect([...cron('0 0 * * 7').daysOfWeek]).toEqual([0]);
    expect([...cron('5/20 * * * *').minutes]).toEqual([5, 25, 45]);
  });

  it('rejects malformed expressions with a reason', () => {
    for (const bad of [
      '* * * *',
      '60 * * * *',
      '* 24 * * *',
      '* * 0 * *',
      '*/0 * * * *',
      '5-1 * * * *',
      'a * * * *',
      '1/2/3 * * * *',
      '* * * 13 *',
    ]) {
      const parsed = parseCronExpression(bad);
      expect(parsed.ok, bad).toBe(false);
    }
    expect(parseCronExpression('* * * *')).toEqual({ ok: false, error: 'expected 5 fields, got 4' });
  });
});

describe('nextCronSlot', () => {
  it('finds the next slot strictly after the given time, in UTC', () => {
    expect(next('*/10 * * * *', '2026-01-01T12:00:00Z')).toBe('2026-01-01T12:10:00.000Z');
    expect(next('*/10 * * * *', '2026-01-01T12:09:59Z')).toBe('2026-01-01T12:10:00.000Z');
    expect(next('0 9 * * *', '2026-01-01T09:00:00Z')).toBe('2026-01-02T09:00:00.000Z');
    expect(next('0 9 * * *', '2026-01-01T08:59:30Z')).toBe('2026-01-01T09:00:00.000Z');
  });

  it('rolls over months, years and leap days', () => {
    expect(next('30 23 31 12 *', '2026-06-01T00:00:00Z')).toBe('2026-12-31T23:30:00.000Z');
    expect(next('0 0 1 1 *', '2026-12-31T23:59:00Z')).toBe('2027-01-01T00:00:00.000Z');
    expect(next('0 12 29 2 *', '2026-03-01T00:00:00Z')).toBe('2028-02-29T12:00:00.000Z');
    expect(next('0 0 31 * *', '2026-04-01T00:00:00Z')).toBe('2026-05-31T00:00:00.000Z');
  });

  it('ORs day of month and day of week when both are restricted', () => {
    // 2026-01-01 is a Thursday; the 15th or any Monday, whichever comes first.
    expect(next('0 8 15 * 1', '2026-01-01T00:00:00Z')).toBe('2026-01-05T08:00:00.000Z');
    expect(next('0 8 15 * *', '2026-01-01T00:00:00Z')).toBe('2026-01-15T08:00:00.000Z');
    expect(next('0 8 * * MON', '2026-01-05T08:00:00Z')).toBe('2026-01-12T08:00:00.000Z');
  });

  it('returns null for a schedule that never fires', () => {
    expect(nextCronSlot(cron('0 0 30 2 *'), new Date('2026-01-01T00:00:00Z'))).toBeNull();
  });
});
