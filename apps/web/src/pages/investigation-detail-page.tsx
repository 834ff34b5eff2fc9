import { Microscope } from 'lucide-react';
import { Link, useParams } from 'react-router';
import { useInvestigation } from '../api/use-investigations.ts';
import { useOrganization } from '../auth/use-organization.ts';
import { IssueLabel } from '../investigations/issue-label.tsx';
import { InvestigationStatusBadge } from '../investigations/investigation-status-badge.tsx';
import { InvestigationUsage } from '../investigations/investigation-usage.tsx';
import { LikelyCauses } from '../investigations/likely-causes.tsx';
import { MatchedRunbooks } from '../investigations/matched-runbooks.tsx';
import { RelatedFiles } from '../investigations/related-files.tsx';
import { SimilarIssues } from '../investigations/similar-issues.tsx';
import { SuspectCommits } from '../investigations/suspect-commits.tsx';
import { Card } from '../ui/card.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorState } from '../ui/error-state.tsx';
import { RelativeTime } from '../ui/relative-time.tsx';
import { Skeleton } from '../ui/skeleton.tsx';

export function InvestigationDetailPage() {
  const { investigationId = '' } = useParams();
  const org = useOrganization();
  const investigation = useInvestigation(investigationId);
  const base = `/organizations/${org.slug}`;
  if (investigation.isPending) return <Skeleton className="m-6 h-96" />;
  if (investigation.isError)
    return <ErrorState error={investigation.error} onRetry={() => void investigation.refetch()} />;
  if (!investigation.data) {
    return (
      <EmptyState
        icon={<Microscope size={18} />}
        title="Investigation not found"
        action={
          <Link to={`${base}/investigations`} className="text-accent-text hover:underline">
            All investigations
          </Link>
        }
      >
        This investigation does not exist, or this server does not run investigations yet.
      </EmptyState>
    );
  }
  const data = investigation.data;
  return (
    <div className="mx-auto flex max-w-[1200px] flex-col gap-4 px-6 py-5">
      <header className="flex flex-col gap-2">
        <nav aria-label="Breadcrumb" className="text-xs text-muted">
          <Link to={`${base}/investigations`} className="hover:text-fg">
            Investigations
          </Link>{' '}
          / <span className="text-fg">#{data.id}</span>
        </nav>
        <h1 className="text-lg font-semibold">
          <Link to={`${base}/issues/${data.issueId}`} className="hover:underline">
            <IssueLabel issueId={data.issueId} />
          </Link>
        </h1>
        <div className="flex items-center gap-2 text-xs text-muted">
          <InvestigationStatusBadge status={data.status} />
          started <RelativeTime date={data.dateCreated} />
        </div>
      </header>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_320px]">
        <div className="flex min-w-0 flex-col gap-4">
          <Card title="Root cause">
            <p className="text-[13px] leading-relaxed whitespace-pre-wrap">{data.summary}</p>
            {data.error && (
              <p role="alert" className="mt-2 text-[13px] text-danger">
                {data.error}
              </p>
            )}
          </Card>
          <Card title="Likely causes">
            <LikelyCauses causes={data.likelyCauses} />
          </Card>
          <Card title="Related files">
            <RelatedFiles files={data.relatedFiles} />
          </Card>
          <Card title="Suspect commits">
            <SuspectCommits commits={data.suspectCommits} />
          </Card>
        </div>
        <aside className="flex flex-col gap-4" aria-label="Investigation sidebar">
          <Card title="Similar issues">
            <SimilarIssues issues={data.similarIssues} org={org.slug} />
          </Card>
          <Card title="Runbooks">
            <MatchedRunbooks runbooks={data.runbooks} />
          </Card>
          <Card title="Model and cost">
            <InvestigationUsage investigation={data} />
          </Card>
        </aside>
      </div>
    </div>
  );
}
