import { useCallback, useEffect, useMemo, useState } from 'react';
import { CheckCircle2, Inbox } from 'lucide-react';
import { useLocation, useNavigate } from 'react-router';
import { isApiError } from '../api/api-error.ts';
import type { Issue, IssuePage, IssueUpdate } from '../api/types.ts';
import { useBulkUpdateIssues } from '../api/use-bulk-update-issues.ts';
import { useIssues } from '../api/use-issues.ts';
import { useMembers } from '../api/use-members.ts';
import { useStatsSummary } from '../api/use-stats-summary.ts';
import { useOrganization } from '../auth/use-organization.ts';
import { BulkActionBar } from '../issues/bulk-action-bar.tsx';
import { IssueFilters } from '../issues/issue-filters.tsx';
import { IssueOverview } from '../issues/issue-overview.tsx';
import { IssueTable } from '../issues/issue-table.tsx';
import { IssueTableSkeleton } from '../issues/issue-table-skeleton.tsx';
import { PaginationBar } from '../issues/pagination-bar.tsx';
import { RefreshButton } from '../issues/refresh-button.tsx';
import { SearchBox } from '../issues/search-box.tsx';
import { getFilter, setFilter } from '../issues/search-query.ts';
import { useIssueListParams } from '../issues/use-issue-list-params.ts';
import { useIssueSelection } from '../issues/use-issue-selection.ts';
import { useListKeyboard } from '../issues/use-list-keyboard.ts';
import { ProjectSwitcher } from '../layout/project-switcher.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorState } from '../ui/error-state.tsx';
import { Kbd } from '../ui/kbd.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { SegmentedControl } from '../ui/segmented-control.tsx';
import { useToast } from '../ui/use-toast.ts';

const SEARCH_ID = 'issue-search';

export function IssuesPage() {
  const org = useOrganization();
  const navigate = useNavigate();
  const location = useLocation();
  const toast = useToast();
  const [params, update] = useIssueListParams();
  const issues = useIssues(org.slug, params);
  const summary = useStatsSummary(org.slug, params.statsPeriod, params.project);
  const members = useMembers(org.slug);
  const bulk = useBulkUpdateIssues(org.slug);
  const selection = useIssueSelection();
  // A rejected search keeps the last good page on screen, with the server's explanation above it.
  const [lastPage, setLastPage] = useState<IssuePage | undefined>();
  useEffect(() => {
    if (issues.data) setLastPage(issues.data);
  }, [issues.data]);
  const page = issues.data ?? (issues.isError ? lastPage : undefined);
  const list = useMemo(() => page?.issues ?? [], [page]);
  const canMutate = org.can('mutate');

  const hrefFor = useCallback(
    (issue: Issue) =>
      `/organizations/${org.slug}/issues/${issue.id}${params.project ? `?project=${params.project}` : ''}`,
    [org.slug, params.project],
  );
  const open = useCallback(
    (index: number) => {
      const issue = list[index];
      if (issue) void navigate(hrefFor(issue), { state: { from: `${location.pathname}${location.search}` } });
    },
    [list, navigate, hrefFor, location],
  );
  const refresh = useCallback(() => {
    void issues.refetch();
    void summary.refetch();
  }, [issues, summary]);
  const [active, setActive] = useListKeyboard({
    count: list.length,
    onOpen: open,
    onToggle: (index) => canMutate && list[index] && selection.toggle(list[index].id),
    onFocusSearch: () => document.getElementById(SEARCH_ID)?.focus(),
    onRefresh: refresh,
  });

  const mutateSelected = (update: IssueUpdate, done: string) =>
    bulk.mutate(
      { ids: [...selection.selected], update },
      {
        onSuccess: () => {
          toast(done, 'ok');
          selection.clear();
        },
        onError: (error) => toast(error.message, 'danger'),
      },
    );
  const offset = Number(params.cursor.split(':')[1] ?? 0) || 0;

  return (
    <div className="mx-auto flex max-w-[1400px] flex-col gap-4 px-6 py-5">
      <PageHeader
        title="Issues"
        description={
          <span className="inline-flex items-center gap-1.5">
            <Kbd>j</Kbd>
            <Kbd>k</Kbd> to move, <Kbd>↵</Kbd> to open, <Kbd>x</Kbd> to select, <Kbd>/</Kbd> to search
          </span>
        }
        actions={
          <>
            <ProjectSwitcher />
            <SegmentedControl
              label="Stats period"
              value={params.statsPeriod}
              onChange={(statsPeriod) => update({ statsPeriod })}
              options={[
                { value: '24h', label: '24h' },
                { value: '14d', label: '14d' },
              ]}
            />
            <RefreshButton
              onRefresh={refresh}
              fetching={issues.isFetching}
              updatedAt={issues.dataUpdatedAt}
            />
          </>
        }
      />
      <IssueOverview
        org={org.slug}
        period={params.statsPeriod}
        project={params.project}
        summary={summary.data}
        isActive={({ key, value }) => getFilter(params.query, key) === value}
        onFilter={(filter) => {
          let query = setFilter(params.query, 'severity', null);
          query = setFilter(query, 'level', null);
          update({ query: filter ? setFilter(query, filter.key, filter.value) : query });
        }}
      />
      <section aria-label="Issue list" className="rounded-lg border border-line bg-surface">
        <div className="flex flex-col gap-2.5 border-b border-line p-3">
          <SearchBox id={SEARCH_ID} value={params.query} onSubmit={(query) => update({ query })} />
          {issues.isError && page && (
            <p
              role="alert"
              className="rounded-md border border-danger/30 bg-danger-soft px-3 py-1.5 text-[13px] text-danger"
            >
              {isApiError(issues.error) && issues.error.status === 400 ? 'Search error: ' : ''}
              {issues.error.message}
            </p>
          )}
          <IssueFilters
            query={params.query}
            sort={params.sort}
            onQuery={(query) => update({ query })}
            onSort={(sort) => update({ sort })}
          />
        </div>
        {selection.selected.size > 0 && (
          <BulkActionBar
            count={selection.selected.size}
            members={members.data ?? []}
            busy={bulk.isPending}
            actions={{
              resolve: () => mutateSelected({ status: 'resolved' }, 'Issues resolved'),
              ignore: () => mutateSelected({ status: 'ignored', statusDetails: {} }, 'Issues ignored'),
              assign: (actor) =>
                mutateSelected({ assignedTo: actor }, actor ? 'Issues assigned' : 'Issues unassigned'),
              clear: selection.clear,
            }}
          />
        )}
        {issues.isPending ? (
          <IssueTableSkeleton />
        ) : issues.isError && !page ? (
          <ErrorState
            error={issues.error}
            onRetry={() => void issues.refetch()}
            title="Could not load issues"
          />
        ) : list.length === 0 ? (
          <EmptyState
            icon={params.query.includes('is:unresolved') ? <CheckCircle2 size={18} /> : <Inbox size={18} />}
            title={params.query.includes('is:unresolved') ? 'No unresolved issues' : 'No issues match'}
          >
            {params.query
              ? 'Nothing matches this search. Try removing a filter.'
              : 'Send an event with a Sentry SDK and it shows up here.'}
          </EmptyState>
        ) : (
          <div className={issues.isPlaceholderData ? 'opacity-60 transition-opacity' : undefined}>
            <IssueTable
              issues={list}
              hrefFor={hrefFor}
              period={params.statsPeriod}
              active={active}
              onActivate={setActive}
              selected={selection.selected}
              onToggle={selection.toggle}
              onToggleAll={() =>
                selection.selected.size === list.length
                  ? selection.clear()
                  : selection.setAll(list.map((i) => i.id))
              }
              selectable={canMutate}
            />
          </div>
        )}
        {page && (page.next || page.previous || list.length > 0) && (
          <div className="border-t border-line">
            <PaginationBar
              shown={list.length}
              hits={page.hits}
              offset={offset}
              previous={page.previous}
              next={page.next}
              onPage={(cursor) => {
                selection.clear();
                update({ cursor });
                document.getElementById('main')?.scrollTo({ top: 0 });
              }}
            />
          </div>
        )}
      </section>
    </div>
  );
}
