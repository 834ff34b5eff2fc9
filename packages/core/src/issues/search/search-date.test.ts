import { describe, expect, it } from 'vitest';
import { parseSearchDate, parseSearchNumber } from './search-date.ts';

describe('parseSearchDate', () => {
  it.each([
    ['-10s', false, 10_000],
    ['-5m', false, 300_000],
    ['-5min', false, 300_000],
    ['-1h', false, 3_600_000],
    ['24h', false, 86_400_000],
    ['+7d', true, 604_800_000],
    ['-2w', false, 1_209_600_000],
  ])('reads relative %s', (text, older, ms) => {
    expect(parseSearchDate(text)).toEqual({ kind: 'relative', older, ms });
  });

  it('reads absolute dates as UTC unless an offset is given', () => {
    expect(parseSearchDate('2024-01-31')).toEqual({
      kind: 'absolute',
      at: Date.parse('2024-01-31T00:00:00Z'),
      dateOnly: true,
    });
    expect(parseSearchDate('2024-01-31T10:00')).toEqual({
      kind: 'absolute',
      at: Date.parse('2024-01-31T10:00:00Z'),
      dateOnly: false,
    });
    expect(parseSearchDate('2024-01-31 10:00:05')?.kind).toBe('absolute');
    expect(parseSearchDate('2024-01-31T10:00:00-0130')).toMatchObject({
      at: Date.parse('2024-01-31T11:30:00Z'),
    });
  });

  it.each(['', 'now', '-1y', '1.5h', '2024-1-1', '2024-02-30x', '31/01/2024'])('rejects %j', (text) => {
    expect(parseSearchDate(text)).toBeNull();
  });
});

describe('parseSearchNumber', () => {
  it.each([
    ['0', 0],
    ['42', 42],
    ['1k', 1000],
    ['1.5K', 1500],
    ['2m', 2_000_000],
    ['1b', 1_000_000_000],
  ])('reads %s', (text, expected) => {
    expect(parseSearchNumber(text)).toBe(expected);
  });

  it.each(['', '-1', 'ten', '1e3', '1,000'])('rejects %j', (text) => {
    expect(parseSearchNumber(text)).toBeNull();
  });
});
