import { classNames } from './class-names.ts';

export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={classNames('fl-skeleton rounded', className ?? 'h-4 w-full')} />;
}
