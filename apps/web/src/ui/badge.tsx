import type { ReactNode } from 'react';
import { classNames } from './class-names.ts';

export type BadgeTone = 'neutral' | 'accent' | 'danger' | 'warn' | 'caution' | 'info' | 'ok';

const TONES: Record<BadgeTone, string> = {
  neutral: 'bg-raised text-muted border-line',
  accent: 'bg-accent-soft text-accent-text border-accent/25',
  danger: 'bg-danger-soft text-danger border-danger/25',
  warn: 'bg-warn-soft text-warn border-warn/25',
  caution: 'bg-caution-soft text-caution border-caution/25',
  info: 'bg-info-soft text-info border-info/25',
  ok: 'bg-ok-soft text-ok border-ok/25',
};

export function Badge({
  tone = 'neutral',
  children,
  dot = false,
  className,
  title,
}: {
  tone?: BadgeTone;
  children: ReactNode;
  dot?: boolean;
  className?: string;
  title?: string;
}) {
  return (
    <span
      title={title}
      className={classNames(
        'inline-flex items-center gap-1 rounded-full border px-2 py-px text-[11px] font-medium leading-4 whitespace-nowrap',
        TONES[tone],
        className,
      )}
    >
      {dot && <span aria-hidden className="size-1.5 rounded-full bg-current" />}
      {children}
    </span>
  );
}
