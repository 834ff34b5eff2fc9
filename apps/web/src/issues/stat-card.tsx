import type { ReactNode } from 'react';
import { formatCount } from '../format/format-count.ts';
import { classNames } from '../ui/class-names.ts';
import { Skeleton } from '../ui/skeleton.tsx';

export function StatCard({
  label,
  value,
  icon,
  tone,
  onClick,
  active = false,
  hint,
}: {
  label: string;
  value: number | undefined;
  icon: ReactNode;
  tone: string;
  onClick?: () => void;
  active?: boolean;
  hint: string;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-pressed={onClick ? active : undefined}
      title={hint}
      className={classNames(
        'flex min-w-0 flex-col gap-1 rounded-lg border bg-surface px-4 py-3 text-left transition-colors hover:border-line-strong',
        active ? 'border-accent ring-1 ring-accent/30' : 'border-line',
      )}
    >
      <span className="flex items-center gap-1.5 text-xs font-medium text-muted">
        <span aria-hidden className={tone}>
          {icon}
        </span>
        {label}
      </span>
      {value === undefined ? (
        <Skeleton className="h-7 w-16" />
      ) : (
        <span className="text-2xl font-semibold tracking-tight tabular-nums">{formatCount(value)}</span>
      )}
    </button>
  );
}
