import { useQuery } from '@tanstack/react-query';
import { apiGet } from './api-client.ts';
import { queryKeys } from './query-keys.ts';
import type { ProjectSummary } from './types.ts';

export function useProjects(org: string) {
  return useQuery({
    queryKey: queryKeys.projects(org),
    queryFn: ({ signal }) =>
      apiGet<ProjectSummary[]>(
        `/api/0/organizations/${encodeURIComponent(org)}/projects/`,
        undefined,
        signal,
      ),
    staleTime: 5 * 60_000,
    enabled: org !== '',
  });
}
