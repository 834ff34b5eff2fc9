import { AlertOctagon, AlertTriangle, Bug, Layers } from 'lucide-react';
import type { StatsSummary } from '../api/types.ts';
import { StatCard } from './stat-card.tsx';

export interface StatsFilter {
  key: string;
  value: string;
}

/** Total, blocking, errors and warnings in the period; a card click filters the list by it. */
export function StatsCards({
  summary,
  period,
  isActive,
  onFilter,
}: {
  summary: StatsSummary | null | undefined;
  period: string;
  isActive: (filter: StatsFilter) => boolean;
  onFilter: (filter: StatsFilter | null) => void;
}) {
  const value = (n: number | undefined) => (summary === undefined ? undefined : (n ?? 0));
  const card = (filter: StatsFilter) => ({
    active: isActive(filter),
    onClick: () => onFilter(isActive(filter) ? null : filter),
  });
  return (
    <div className="grid grid-cols-2 gap-3">
      <StatCard
        label="Total"
        hint={`Issues seen in the last ${period}`}
        value={value(summary?.total)}
        icon={<Layers size={14} />}
        tone="text-subtle"
      />
      <StatCard
        label="Blocking"
        hint="Issues that stop users"
        value={value(summary?.blocking)}
        icon={<AlertOctagon size={14} />}
        tone="text-danger"
        {...card({ key: 'severity', value: 'blocking' })}
      />
      <StatCard
        label="Errors"
        hint="Issues at level error or fatal"
        value={value(summary?.errors)}
        icon={<Bug size={14} />}
        tone="text-warn"
        {...card({ key: 'level', value: 'error' })}
      />
      <StatCard
        label="Warnings"
        hint="Issues at level warning"
        value={value(summary?.warnings)}
        icon={<AlertTriangle size={14} />}
        tone="text-caution"
        {...card({ key: 'level', value: 'warning' })}
      />
    </div>
  );
}
