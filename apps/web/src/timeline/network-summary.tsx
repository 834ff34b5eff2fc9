import { formatDuration } from '../format/format-duration.ts';
import { Badge } from '../ui/badge.tsx';
import type { NetworkExchange } from './timeline-item.ts';

/** "POST /api/pay → 502 · 1.2 s": a request with its response. */
export function NetworkSummary({ network }: { network: NetworkExchange }) {
  const tone = !network.answered ? 'neutral' : network.failed ? 'danger' : 'ok';
  return (
    <span className="flex min-w-0 items-center gap-2">
      {network.method && (
        <span className="shrink-0 font-mono text-[11.5px] font-semibold">{network.method}</span>
      )}
      <span className="min-w-0 truncate font-mono text-[12px]" title={network.url ?? undefined}>
        {network.url ?? '—'}
      </span>
      <Badge
        tone={tone}
        className="shrink-0 font-mono"
        title={network.answered ? 'Response status' : 'No response recorded'}
      >
        {network.answered ? (network.status ?? 'failed') : 'pending'}
      </Badge>
      <span className="shrink-0 text-xs text-subtle tabular-nums" title="Duration">
        {formatDuration(network.durationMs)}
      </span>
    </span>
  );
}
