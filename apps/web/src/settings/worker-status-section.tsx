import { useHealth } from '../api/use-health.ts';
import { formatDuration } from '../format/format-duration.ts';
import { Badge } from '../ui/badge.tsx';
import { Card } from '../ui/card.tsx';
import { ErrorState } from '../ui/error-state.tsx';
import { RelativeTime } from '../ui/relative-time.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { HealthStat } from './health-stat.tsx';

/** /health, refreshed every 10 s: database, ingest queue and the job worker. */
export function WorkerStatusSection() {
  const health = useHealth();
  if (health.isPending) return <Skeleton className="h-40 w-full" />;
  if (health.isError) return <ErrorState error={health.error} onRetry={() => void health.refetch()} />;
  const { database, ingest, worker, status } = health.data;
  return (
    <Card
      title="Worker status"
      actions={
        <Badge tone={status === 'ok' ? 'ok' : 'danger'} dot>
          {status === 'ok' ? 'Healthy' : 'Degraded'}
        </Badge>
      }
    >
      <div className="flex flex-col gap-4">
        <div>
          <h3 className="mb-2 text-xs font-medium text-muted">Job worker</h3>
          {worker ? (
            <dl className="grid grid-cols-2 gap-2 md:grid-cols-5">
              <HealthStat label="Queue depth" value={worker.pending} />
              <HealthStat label="Running" value={worker.running} />
              <HealthStat label="Failed" value={worker.failed} />
              <HealthStat label="Lag" value={formatDuration(worker.lagMs)} />
              <HealthStat
                label="Last job"
                value={worker.lastFinishedAt ? <RelativeTime date={worker.lastFinishedAt} /> : 'never'}
              />
            </dl>
          ) : (
            <p className="text-[13px] text-danger">The worker cannot be read while the database is down.</p>
          )}
        </div>
        <div>
          <h3 className="mb-2 text-xs font-medium text-muted">Ingest and database</h3>
          <dl className="grid grid-cols-2 gap-2 md:grid-cols-4">
            <HealthStat label="Ingest queue" value={ingest.queued} />
            <HealthStat label="Ingest lag" value={formatDuration(ingest.lagMs)} />
            <HealthStat label="Database" value={database.dialect ?? '—'} />
            <HealthStat label="Database status" value={database.status} />
          </dl>
          {database.error && <p className="mt-2 text-[13px] text-danger">{database.error}</p>}
        </div>
      </div>
    </Card>
  );
}
