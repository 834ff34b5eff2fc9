import { useQuery } from '@tanstack/react-query';
import { apiGet } from './api-client.ts';
import { queryKeys } from './query-keys.ts';
import type { IssueEvent } from './types.ts';

/**
 * An event of an issue: `latest`/`oldest` through the issue, a concrete id through its project
 * (GET /projects/{org}/{project}/events/{eventId}/).
 */
export function useIssueEvent(
  issueId: string,
  eventId: string,
  org: string,
  projectSlug: string | undefined,
) {
  const named = eventId === 'latest' || eventId === 'oldest';
  return useQuery({
    queryKey: queryKeys.issueEvent(issueId, eventId),
    queryFn: ({ signal }) =>
      named
        ? apiGet<IssueEvent>(
            `/api/0/issues/${encodeURIComponent(issueId)}/events/${eventId}/`,
            undefined,
            signal,
          )
        : apiGet<IssueEvent>(
            `/api/0/projects/${encodeURIComponent(org)}/${encodeURIComponent(projectSlug ?? '')}/events/${encodeURIComponent(eventId)}/`,
            undefined,
            signal,
          ),
    enabled: named || projectSlug !== undefined,
    staleTime: 5 * 60_000,
  });
}
