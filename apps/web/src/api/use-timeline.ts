import { useQuery } from '@tanstack/react-query';
import { apiGetOptional } from './api-get-optional.ts';
import { queryKeys } from './query-keys.ts';
import type { TimelineResponse } from './types.ts';

/** The event's full timeline; null when the event has none stored (or the endpoint is missing). */
export function useTimeline(org: string, project: string | undefined, eventId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.timeline(org, project ?? '', eventId ?? ''),
    queryFn: ({ signal }) =>
      apiGetOptional<TimelineResponse>(
        `/api/0/projects/${encodeURIComponent(org)}/${encodeURIComponent(project ?? '')}/events/${encodeURIComponent(eventId ?? '')}/timeline/`,
        undefined,
        signal,
      ),
    enabled: project !== undefined && eventId !== undefined,
    staleTime: 5 * 60_000,
  });
}
