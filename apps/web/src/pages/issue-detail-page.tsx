import { SearchX } from 'lucide-react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api/api-error.ts';
import { useIssue } from '../api/use-issue.ts';
import { useIssueEvent } from '../api/use-issue-event.ts';
import { useIssueTags } from '../api/use-issue-tags.ts';
import { useOrganization } from '../auth/use-organization.ts';
import { ActivityLog } from '../issue-detail/activity-log.tsx';
import { CommentsPanel } from '../issue-detail/comments-panel.tsx';
import { EventDetails } from '../issue-detail/event-details.tsx';
import { EventNavigation } from '../issue-detail/event-navigation.tsx';
import { IssueActions } from '../issue-detail/issue-actions.tsx';
import { IssueDetailSkeleton } from '../issue-detail/issue-detail-skeleton.tsx';
import { IssueHeader } from '../issue-detail/issue-header.tsx';
import { IssueInvestigationCard } from '../issue-detail/issue-investigation-card.tsx';
import { TagDistribution } from '../issue-detail/tag-distribution.tsx';
import { Card } from '../ui/card.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorState } from '../ui/error-state.tsx';
import { Skeleton } from '../ui/skeleton.tsx';

export function IssueDetailPage() {
  const { issueId = '', eventId = 'latest' } = useParams();
  const org = useOrganization();
  const issue = useIssue(issueId);
  const event = useIssueEvent(issueId, eventId, org.slug, issue.data?.project.slug);
  const tags = useIssueTags(issueId);
  const base = `/organizations/${org.slug}/issues/${issueId}`;

  if (issue.isPending) return <IssueDetailSkeleton />;
  if (issue.isError) {
    if (isApiError(issue.error) && issue.error.status === 404) {
      return (
        <EmptyState
          icon={<SearchX size={18} />}
          title="Issue not found"
          action={
            <Link className="text-accent-text hover:underline" to={`/organizations/${org.slug}/issues`}>
              Back to issues
            </Link>
          }
        >
          It may have been merged into another issue or deleted.
        </EmptyState>
      );
    }
    return <ErrorState error={issue.error} onRetry={() => void issue.refetch()} />;
  }
  const data = issue.data;
  return (
    <div className="mx-auto flex max-w-[1400px] flex-col gap-4 px-6 py-5">
      <IssueHeader issue={data} org={org.slug} />
      <div className="flex flex-wrap items-center justify-between gap-3 border-y border-line py-2.5">
        <IssueActions issue={data} org={org.slug} canMutate={org.can('mutate')} />
        {event.data && <EventNavigation base={base} issueId={issueId} event={event.data} />}
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_320px]">
        <div className="min-w-0">
          {event.isPending ? (
            <Skeleton className="h-96 w-full" />
          ) : event.isError ? (
            <ErrorState
              error={event.error}
              onRetry={() => void event.refetch()}
              title="Could not load the event"
            />
          ) : (
            <EventDetails event={event.data} org={org.slug} projectSlug={data.project.slug} />
          )}
        </div>
        <aside className="flex flex-col gap-4" aria-label="Issue sidebar">
          <Card title="Investigation">
            <IssueInvestigationCard issueId={issueId} org={org.slug} canStart={org.can('mutate')} />
          </Card>
          <Card title="Tags">
            <TagDistribution tags={tags.data} loading={tags.isPending} />
          </Card>
          <Card title="Comments">
            <CommentsPanel issueId={issueId} canComment={org.can('mutate')} />
          </Card>
          <Card title="Activity">
            <ActivityLog issueId={issueId} />
          </Card>
        </aside>
      </div>
    </div>
  );
}
