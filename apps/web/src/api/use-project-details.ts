import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiRequest } from './api-client.ts';
import { queryKeys } from './query-keys.ts';
import type { ProjectDetails, ProjectUpdate } from './types.ts';

const path = (org: string, project: string) =>
  `/api/0/projects/${encodeURIComponent(org)}/${encodeURIComponent(project)}/`;

export function useProjectDetails(org: string, project: string) {
  return useQuery({
    queryKey: queryKeys.projectDetails(org, project),
    queryFn: ({ signal }) => apiGet<ProjectDetails>(path(org, project), undefined, signal),
    enabled: project !== '',
  });
}

export function useUpdateProject(org: string, project: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (update: ProjectUpdate) =>
      (await apiRequest<ProjectDetails>(path(org, project), { method: 'PUT', body: update })).data,
    onSuccess: (details) => {
      if (details) queryClient.setQueryData(queryKeys.projectDetails(org, project), details);
      void queryClient.invalidateQueries({ queryKey: queryKeys.projects(org) });
    },
  });
}
