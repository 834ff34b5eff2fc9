import { formatRelativeTime } from '../format/format-relative-time.ts';

/** "3 min ago", with the exact local time on hover. */
export function RelativeTime({ date, className }: { date: string | null | undefined; className?: string }) {
  if (!date) return <span className={className}>—</span>;
  const parsed = new Date(date);
  return (
    <time dateTime={parsed.toISOString()} title={parsed.toLocaleString()} className={className}>
      {formatRelativeTime(parsed)}
    </time>
  );
}
