import type { QueryClient } from '@tanstack/react-query';
import { readIssueListParams } from '../api/issue-list-params.ts';
import { issuesQueryOptions } from '../api/use-issues.ts';
import { sessionQueryOptions } from '../api/use-session-query.ts';

const ISSUE_LIST = /^\/organizations\/([^/]+)\/issues\/?$/;

/**
 * Starts the first screen's requests while React is still starting: the session, and for the issue
 * list (the home page) its first page, in parallel instead of one after the other. A signed-out visitor
 * costs one 401 that nobody reads; the session check still decides what renders.
 */
export function prefetchFirstRoute(
  client: QueryClient,
  location: Pick<Location, 'pathname' | 'search'>,
): void {
  void client.prefetchQuery(sessionQueryOptions());
  const org = ISSUE_LIST.exec(location.pathname)?.[1];
  if (org === undefined) return;
  const params = readIssueListParams(new URLSearchParams(location.search));
  void client.prefetchQuery(issuesQueryOptions(decodeURIComponent(org), params));
}
