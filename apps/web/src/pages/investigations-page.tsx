import { Microscope } from 'lucide-react';
import { Link } from 'react-router';
import { useInvestigations } from '../api/use-investigations.ts';
import { useOrganization } from '../auth/use-organization.ts';
import { IssueLabel } from '../investigations/issue-label.tsx';
import { InvestigationStatusBadge } from '../investigations/investigation-status-badge.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorState } from '../ui/error-state.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { RelativeTime } from '../ui/relative-time.tsx';
import { Skeleton } from '../ui/skeleton.tsx';

export function InvestigationsPage() {
  const org = useOrganization();
  const investigations = useInvestigations(org.slug);
  const list = investigations.data ?? [];
  return (
    <div className="mx-auto flex max-w-[1200px] flex-col gap-4 px-6 py-5">
      <PageHeader
        title="Investigations"
        description="Root-cause analyses of issues: likely causes, suspect commits, related code."
      />
      <section aria-label="Investigation list" className="rounded-lg border border-line bg-surface">
        {investigations.isPending ? (
          <div className="flex flex-col gap-3 p-4">
            <Skeleton className="h-5 w-full" />
            <Skeleton className="h-5 w-full" />
          </div>
        ) : investigations.isError ? (
          <ErrorState error={investigations.error} onRetry={() => void investigations.refetch()} />
        ) : list.length === 0 ? (
          <EmptyState icon={<Microscope size={18} />} title="No investigations yet">
            When the investigation engine runs, each new or regressed issue gets a root-cause report here:
            likely causes, related files, suspect commits, similar issues and matching runbooks.
          </EmptyState>
        ) : (
          <ul>
            {list.map((investigation) => (
              <li key={investigation.id} className="border-b border-line last:border-b-0">
                <Link
                  to={`/organizations/${org.slug}/investigations/${investigation.id}`}
                  className="flex items-center gap-4 px-4 py-3 hover:bg-hover/60"
                >
                  <InvestigationStatusBadge status={investigation.status} />
                  <span className="min-w-0 flex-1">
                    <span className="block truncate text-[13px] font-medium">
                      <IssueLabel issueId={investigation.issueId} />
                    </span>
                    <span className="block truncate text-xs text-subtle">{investigation.summary}</span>
                  </span>
                  {investigation.model && (
                    <span className="text-xs text-muted">{investigation.model.name}</span>
                  )}
                  <RelativeTime
                    date={investigation.dateCreated}
                    className="w-24 text-right text-xs text-muted"
                  />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
