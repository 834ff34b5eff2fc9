import { Bot, GitPullRequestArrow, ScrollText } from 'lucide-react';
import { Link, useSearchParams } from 'react-router';
import { FIX_STATUSES } from '../api/types.ts';
import { useFixes } from '../api/use-fixes.ts';
import { useOrganization } from '../auth/use-organization.ts';
import { FIX_STATUS_STYLE, FixStatusBadge } from '../fixes/fix-status-badge.tsx';
import { FilterMenu } from '../issues/filter-menu.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorState } from '../ui/error-state.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { RelativeTime } from '../ui/relative-time.tsx';
import { Skeleton } from '../ui/skeleton.tsx';

export function FixesPage() {
  const org = useOrganization();
  const [search, setSearch] = useSearchParams();
  const status = search.get('status') ?? '';
  const fixes = useFixes(org.slug, status);
  const list = fixes.data ?? [];
  return (
    <div className="mx-auto flex max-w-[1200px] flex-col gap-4 px-6 py-5">
      <PageHeader
        title="Fixes"
        description="Code changes Fixloop proposed for issues, with the test that proves them."
        actions={
          <FilterMenu
            label="Status"
            value={status || null}
            onChange={(value) => setSearch(value ? { status: value } : {})}
            options={[
              { value: null, label: 'All' },
              ...FIX_STATUSES.map((s) => ({ value: s, label: FIX_STATUS_STYLE[s].label })),
            ]}
          />
        }
      />
      <section aria-label="Fix list" className="rounded-lg border border-line bg-surface">
        {fixes.isPending ? (
          <div className="flex flex-col gap-3 p-4">
            <Skeleton className="h-5 w-full" />
            <Skeleton className="h-5 w-full" />
          </div>
        ) : fixes.isError ? (
          <ErrorState error={fixes.error} onRetry={() => void fixes.refetch()} />
        ) : list.length === 0 ? (
          <EmptyState
            icon={<GitPullRequestArrow size={18} />}
            title={status ? 'No fixes with this status' : 'No fixes yet'}
          >
            When autofix is on, Fixloop writes a fix and a regression test for qualifying issues, verifies
            them and lists them here for review.
          </EmptyState>
        ) : (
          <ul>
            {list.map((fix) => (
              <li key={fix.id} className="border-b border-line last:border-b-0">
                <Link
                  to={`/organizations/${org.slug}/fixes/${fix.id}`}
                  className="flex items-center gap-4 px-4 py-3 hover:bg-hover/60"
                >
                  <FixStatusBadge status={fix.status} />
                  <span className="min-w-0 flex-1">
                    <span className="block truncate text-[13px] font-medium">{fix.title}</span>
                    <span className="block truncate text-xs text-subtle">
                      {fix.issue.shortId} · {fix.issue.title}
                    </span>
                  </span>
                  <span className="inline-flex items-center gap-1 text-xs text-muted">
                    {fix.source === 'ai' ? (
                      <Bot size={13} aria-hidden />
                    ) : (
                      <ScrollText size={13} aria-hidden />
                    )}
                    {fix.source === 'ai' ? 'AI' : 'Rule'}
                  </span>
                  <RelativeTime
                    date={fix.dateUpdated ?? fix.dateCreated}
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
