import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiRequest } from './api-client.ts';
import { queryKeys } from './query-keys.ts';
import type { Comment } from './types.ts';

export function useComments(issueId: string) {
  return useQuery({
    queryKey: queryKeys.comments(issueId),
    queryFn: ({ signal }) =>
      apiGet<Comment[]>(`/api/0/issues/${encodeURIComponent(issueId)}/comments/`, undefined, signal),
  });
}

export function useAddComment(issueId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (text: string) =>
      (
        await apiRequest<Comment>(`/api/0/issues/${encodeURIComponent(issueId)}/comments/`, {
          method: 'POST',
          body: { text, mentions: [] },
        })
      ).data,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.comments(issueId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.activities(issueId) });
    },
  });
}
