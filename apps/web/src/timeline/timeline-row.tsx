import { useState } from 'react';
import { ChevronRight, OctagonX } from 'lucide-react';
import { classNames } from '../ui/class-names.ts';
import { layerStyle } from './layer-style.ts';
import { NetworkSummary } from './network-summary.tsx';
import type { TimelineItem } from './timeline-item.ts';

function offsetLabel(ms: number): string {
  if (Math.abs(ms) < 1) return '0s';
  const sign = ms < 0 ? '−' : '+';
  const abs = Math.abs(ms);
  return abs < 1000 ? `${sign}${Math.round(abs)}ms` : `${sign}${(abs / 1000).toFixed(abs < 10_000 ? 2 : 1)}s`;
}

/** One timeline line: time relative to the error, layer, what happened; expands to its data. */
export function TimelineRow({ item, errorTime }: { item: TimelineItem; errorTime: number | null }) {
  const [open, setOpen] = useState(false);
  const style = layerStyle(item.layer);
  const hasData = item.data !== null && Object.keys(item.data).length > 0;
  const warn = !item.isError && (item.level === 'error' || item.level === 'fatal' || item.network?.failed);
  return (
    <li
      data-layer={item.layer}
      data-error={item.isError || undefined}
      className={classNames('border-b border-line last:border-b-0', item.isError && 'bg-danger-soft')}
    >
      <button
        type="button"
        onClick={() => hasData && setOpen((value) => !value)}
        aria-expanded={hasData ? open : undefined}
        className={classNames(
          'grid w-full grid-cols-[72px_92px_minmax(0,1fr)_16px] items-center gap-3 px-3 py-1.5 text-left text-[13px]',
          hasData && 'hover:bg-hover/60',
        )}
      >
        <time
          dateTime={new Date(item.time).toISOString()}
          title={new Date(item.time).toLocaleString()}
          className="font-mono text-[11.5px] text-subtle tabular-nums"
        >
          {errorTime === null ? new Date(item.time).toLocaleTimeString() : offsetLabel(item.time - errorTime)}
        </time>
        <span className="flex min-w-0 items-center gap-1.5 text-xs text-muted">
          <span aria-hidden className={classNames('size-2 shrink-0 rounded-full', style.dot)} />
          <span className="truncate">{style.label}</span>
        </span>
        <span className="flex min-w-0 items-center gap-2">
          {item.isError && <OctagonX size={14} aria-hidden className="shrink-0 text-danger" />}
          <span
            className={classNames(
              'shrink-0 text-xs',
              item.isError ? 'font-semibold text-danger' : 'text-subtle',
            )}
          >
            {item.isError ? 'Error' : item.kind}
          </span>
          {item.network ? (
            <NetworkSummary network={item.network} />
          ) : (
            <span
              className={classNames(
                'min-w-0 truncate',
                item.isError && 'font-medium text-danger',
                warn && 'text-warn',
              )}
            >
              {item.message}
            </span>
          )}
        </span>
        <ChevronRight
          size={13}
          aria-hidden
          className={classNames(
            'text-subtle transition-transform',
            open && 'rotate-90',
            !hasData && 'invisible',
          )}
        />
      </button>
      {open && hasData && (
        <pre className="mx-3 mb-2 overflow-x-auto rounded border border-line bg-code p-2 font-mono text-[11.5px] whitespace-pre-wrap">
          {JSON.stringify(item.data, null, 2)}
        </pre>
      )}
    </li>
  );
}
