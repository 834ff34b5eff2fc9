import { useQuery } from '@tanstack/react-query';
import { apiGet } from './api-client.ts';
import { queryKeys } from './query-keys.ts';

export interface EventListItem {
  id: string;
  eventID: string;
  dateCreated: string;
}

/** The issue's events, newest first: the fallback for prev/next when an event carries no neighbour ids. */
export function useIssueEvents(issueId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.issueEvents(issueId),
    queryFn: ({ signal }) =>
      apiGet<EventListItem[]>(`/api/0/issues/${encodeURIComponent(issueId)}/events/`, { limit: 100 }, signal),
    enabled,
    staleTime: 30_000,
  });
}
