const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** 1234 -> "1.2K"; accepts Sentry's string counts. */
export function formatCount(value: number | string | null | undefined): string {
  const number = typeof value === 'string' ? Number(value) : (value ?? 0);
  if (!Number.isFinite(number)) return '0';
  return number < 1000 ? String(number) : compact.format(number);
}
