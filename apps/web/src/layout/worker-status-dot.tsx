import { Link } from 'react-router';
import { useHealth } from '../api/use-health.ts';
import { useOrganization } from '../auth/use-organization.ts';
import { classNames } from '../ui/class-names.ts';

/** A one-line health summary in the sidebar; links to the worker section of settings. */
export function WorkerStatusDot() {
  const { slug } = useOrganization();
  const { data, isError } = useHealth();
  const ok = data?.status === 'ok' && !isError;
  const label = !data && !isError ? 'Checking…' : ok ? 'Healthy' : 'Degraded';
  return (
    <Link
      to={`/organizations/${slug}/settings/worker`}
      className="flex items-center gap-2 rounded-md px-2.5 py-1.5 text-xs text-muted hover:bg-hover hover:text-fg"
    >
      <span
        aria-hidden
        className={classNames(
          'size-2 rounded-full',
          !data && !isError ? 'bg-line-strong' : ok ? 'bg-ok' : 'bg-danger',
        )}
      />
      {label}
      {data?.worker && data.worker.pending > 0 && (
        <span className="ml-auto whitespace-nowrap text-subtle tabular-nums">
          {data.worker.pending} queued
        </span>
      )}
    </Link>
  );
}
