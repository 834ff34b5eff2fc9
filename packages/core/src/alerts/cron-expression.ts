/** A parsed five-field cron expression (minute hour day-of-month month day-of-week), evaluated in UTC. */
export interface CronExpression {
  source: string;
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  daysOfMonth: ReadonlySet<number>;
  months: ReadonlySet<number>;
  /** 0 = Sunday; 7 is accepted and stored as 0. */
  daysOfWeek: ReadonlySet<number>;
  /** Classic cron: when both day fields are restricted, a day matches if EITHER matches. */
  dayOfMonthRestricted: boolean;
  dayOfWeekRestricted: boolean;
}

export type CronParseResult = { ok: true; cron: CronExpression } | { ok: false; error: string };

const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};
const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: string[];
  namesStartAt?: number;
}

const FIELDS: FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTH_NAMES, namesStartAt: 1 },
  { name: 'day of week', min: 0, max: 7, names: DAY_NAMES, namesStartAt: 0 },
];

function parseValue(text: string, spec: FieldSpec): number | null {
  const named = spec.names?.indexOf(text.toLowerCase()) ?? -1;
  if (named >= 0) return named + (spec.namesStartAt ?? 0);
  if (!/^\d+$/.test(text)) return null;
  const value = Number(text);
  return value >= spec.min && value <= spec.max ? value : null;
}

/** One comma-separated item: `*`, `n`, `a-b`, each optionally `/step`. */
function parseItem(item: string, spec: FieldSpec, into: Set<number>): string | null {
  const [range = '', stepText, extra] = item.split('/');
  if (extra !== undefined) return `too many "/" in ${spec.name} "${item}"`;
  const step = stepText === undefined ? 1 : Number(stepText);
  if (!Number.isInteger(step) || step < 1 || (stepText !== undefined && !/^\d+$/.test(stepText))) {
    return `invalid step in ${spec.name} "${item}"`;
  }
  let from = spec.min;
  let to = spec.max;
  if (range !== '*') {
    const [a = '', b, more] = range.split('-');
    const start = parseValue(a, spec);
    const end = b === undefined ? (stepText === undefined ? start : spec.max) : parseValue(b, spec);
    if (more !== undefined || start === null || end === null || end < start) {
      return `invalid ${spec.name} "${item}" (allowed ${spec.min}-${spec.max})`;
    }
    from = start;
    to = end;
  }
  for (let v = from; v <= to; v += step) into.add(v);
  return null;
}

function parseField(text: string, spec: FieldSpec): Set<number> | string {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    const error = parseItem(item, spec, values);
    if (error) return error;
  }
  return values;
}

/** Parses `m h dom mon dow` (lists, ranges, steps, month/day names) or a macro such as `@daily`. */
export function parseCronExpression(source: string): CronParseResult {
  const expanded = MACROS[source.trim().toLowerCase()] ?? source.trim();
  const parts = expanded.split(/\s+/);
  if (parts.length !== 5) return { ok: false, error: `expected 5 fields, got ${parts.length}` };
  const sets: Set<number>[] = [];
  for (const [i, spec] of FIELDS.entries()) {
    const parsed = parseField(parts[i] ?? '', spec);
    if (typeof parsed === 'string') return { ok: false, error: parsed };
    sets.push(parsed);
  }
  const [minutes, hours, daysOfMonth, months, rawDays] = sets as [
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
  ];
  const daysOfWeek = new Set([...rawDays].map((d) => d % 7));
  return {
    ok: true,
    cron: {
      source,
      minutes,
      hours,
      daysOfMonth,
      months,
      daysOfWeek,
      dayOfMonthRestricted: !parts[2]?.startsWith('*'),
      dayOfWeekRestricted: !parts[4]?.startsWith('*'),
    },
  };
}
