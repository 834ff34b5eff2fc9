import type { StatsSummary } from '../api/types.ts';
import { toTrendPoints } from '../api/to-trend-points.ts';
import { useErrorTrend } from '../api/use-error-trend.ts';
import { Card } from '../ui/card.tsx';
import { StatsCards } from './stats-cards.tsx';
import type { StatsFilter } from './stats-cards.tsx';
import { TrendChart } from './trend-chart.tsx';

/** The stats cards and the error-trend chart above the list. */
export function IssueOverview({
  org,
  period,
  project,
  summary,
  isActive,
  onFilter,
}: {
  org: string;
  period: '24h' | '14d';
  project: string;
  summary: StatsSummary | null | undefined;
  isActive: (filter: StatsFilter) => boolean;
  onFilter: (filter: StatsFilter | null) => void;
}) {
  const trend = useErrorTrend(org, period, project, summary);
  const fromSummary = toTrendPoints(summary?.series ?? summary?.trend);
  const points = fromSummary.length > 0 ? fromSummary : trend.data;
  return (
    <div className="grid gap-3 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
      <StatsCards summary={summary} period={period} isActive={isActive} onFilter={onFilter} />
      <Card title={`Error trend · ${period}`} bodyClassName="px-4 pt-2 pb-3">
        <TrendChart
          points={points}
          period={period}
          loading={summary === undefined || (trend.isPending && trend.fetchStatus !== 'idle')}
        />
      </Card>
    </div>
  );
}
