import type { StatsSeries } from '../api/types.ts';

/** Tiny bar chart of an issue's events over the period. */
export function Sparkline({
  series,
  period,
  width = 88,
  height = 24,
}: {
  series: StatsSeries | undefined;
  period: string;
  width?: number;
  height?: number;
}) {
  const points = series ?? [];
  const total = points.reduce((sum, [, count]) => sum + count, 0);
  const max = Math.max(1, ...points.map(([, count]) => count));
  const gap = 1;
  const barWidth = points.length > 0 ? Math.max(1, (width - gap * (points.length - 1)) / points.length) : 0;
  return (
    <svg
      width={width}
      height={height}
      role="img"
      aria-label={`${total} events in the last ${period}`}
      className="block text-accent"
    >
      <line x1={0} x2={width} y1={height - 0.5} y2={height - 0.5} stroke="var(--c-line)" />
      {points.map(([time, count], index) => {
        const h = count === 0 ? 0 : Math.max(1.5, (count / max) * (height - 2));
        return (
          <rect
            key={time}
            x={index * (barWidth + gap)}
            y={height - h}
            width={barWidth}
            height={h}
            rx={0.5}
            fill="currentColor"
            opacity={0.85}
          />
        );
      })}
    </svg>
  );
}
