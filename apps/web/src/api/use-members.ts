import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiRequest } from './api-client.ts';
import { queryKeys } from './query-keys.ts';
import type { Member, Role } from './types.ts';

export function useMembers(org: string) {
  return useQuery({
    queryKey: queryKeys.members(org),
    queryFn: ({ signal }) =>
      apiGet<Member[]>(`/api/0/organizations/${encodeURIComponent(org)}/members/`, undefined, signal),
    staleTime: 5 * 60_000,
  });
}

/** PUT /organizations/{org}/members/{id}/ `{role}` (the server refuses to demote the last owner). */
export function useUpdateMemberRole(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, role }: { id: string; role: Role }) =>
      (
        await apiRequest<Member>(
          `/api/0/organizations/${encodeURIComponent(org)}/members/${encodeURIComponent(id)}/`,
          { method: 'PUT', body: { role } },
        )
      ).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.members(org) }),
  });
}
