import { useState } from 'react';
import type { TrendPoint } from '../api/types.ts';
import { formatCount } from '../format/format-count.ts';
import { Skeleton } from '../ui/skeleton.tsx';

const HEIGHT = 96;

function label(time: number, daily: boolean): string {
  const date = new Date(time);
  return daily
    ? date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' })
    : date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/** Errors over time as bars; hovering a bar reads out its bucket. */
export function TrendChart({
  points,
  period,
  loading,
}: {
  points: TrendPoint[] | undefined;
  period: string;
  loading: boolean;
}) {
  const [hover, setHover] = useState<number | null>(null);
  if (loading && !points) return <Skeleton className="h-[120px] w-full" />;
  const data = points ?? [];
  const daily = period === '14d';
  const max = Math.max(1, ...data.map((p) => p.count));
  const total = data.reduce((sum, p) => sum + p.count, 0);
  const focused = hover === null ? null : data[hover];
  if (data.length === 0) {
    return (
      <div className="flex h-[120px] items-center justify-center text-[13px] text-subtle">
        No events in the last {period}.
      </div>
    );
  }
  return (
    <figure aria-label={`Error trend: ${total} events in the last ${period}`} className="relative">
      <div className="mb-1 flex h-5 items-baseline justify-between text-xs text-muted">
        <span>
          <span className="font-semibold text-fg tabular-nums">{formatCount(total)}</span> events
        </span>
        {focused && (
          <span className="tabular-nums">
            {label(focused.time, daily)} · <span className="font-semibold text-fg">{focused.count}</span>
          </span>
        )}
      </div>
      <svg
        viewBox={`0 0 ${data.length * 10} ${HEIGHT}`}
        preserveAspectRatio="none"
        className="block h-24 w-full"
        role="img"
        aria-hidden
      >
        {[0.5, 1].map((f) => (
          <line
            key={f}
            x1={0}
            x2={data.length * 10}
            y1={HEIGHT - f * (HEIGHT - 4)}
            y2={HEIGHT - f * (HEIGHT - 4)}
            stroke="var(--c-line)"
            strokeDasharray="2 3"
            vectorEffect="non-scaling-stroke"
          />
        ))}
        {data.map((point, index) => {
          const h = point.count === 0 ? 0 : Math.max(1.5, (point.count / max) * (HEIGHT - 4));
          return (
            <g key={point.time} onMouseEnter={() => setHover(index)} onMouseLeave={() => setHover(null)}>
              <rect x={index * 10} y={0} width={10} height={HEIGHT} fill="transparent" />
              <rect
                x={index * 10 + 1.5}
                y={HEIGHT - h}
                width={7}
                height={h}
                rx={1}
                fill="var(--c-accent)"
                opacity={hover === null || hover === index ? 0.9 : 0.45}
              />
            </g>
          );
        })}
      </svg>
      <div className="mt-1 flex justify-between text-[11px] text-subtle tabular-nums">
        <span>{label(data[0]?.time ?? 0, daily)}</span>
        <span>{label(data[Math.floor(data.length / 2)]?.time ?? 0, daily)}</span>
        <span>{label(data[data.length - 1]?.time ?? 0, daily)}</span>
      </div>
    </figure>
  );
}
