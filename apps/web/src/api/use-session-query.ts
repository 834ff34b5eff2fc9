import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from './api-client.ts';
import { isApiError } from './api-error.ts';
import { queryKeys } from './query-keys.ts';
import type { Session } from './types.ts';

/** The signed-in session, or null when there is none (401). */
export function useSessionQuery() {
  return useQuery(sessionQueryOptions());
}

/** Shared with the first-route prefetch, which starts this request before React renders. */
export function sessionQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.session,
    queryFn: async ({ signal }): Promise<Session | null> => {
      try {
        return await apiGet<Session>('/api/0/auth/session/', undefined, signal);
      } catch (error) {
        if (isApiError(error) && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
    refetchOnWindowFocus: false,
    retry: false,
  });
}
