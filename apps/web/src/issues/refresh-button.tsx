import { RefreshCw } from 'lucide-react';
import { classNames } from '../ui/class-names.ts';
import { RelativeTime } from '../ui/relative-time.tsx';

export function RefreshButton({
  onRefresh,
  fetching,
  updatedAt,
}: {
  onRefresh: () => void;
  fetching: boolean;
  updatedAt: number;
}) {
  return (
    <button
      type="button"
      onClick={onRefresh}
      aria-label="Refresh issues"
      title="Refresh (r)"
      className="inline-flex h-8 items-center gap-1.5 rounded-md border border-line-strong bg-surface px-2.5 text-xs text-muted hover:bg-hover hover:text-fg"
    >
      <RefreshCw size={13} aria-hidden className={classNames(fetching && 'animate-spin')} />
      {updatedAt > 0 ? <RelativeTime date={new Date(updatedAt).toISOString()} /> : 'Refresh'}
    </button>
  );
}
