import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './api-client.ts';
import { queryKeys } from './query-keys.ts';

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { currentPassword: string; newPassword: string }) => {
      await apiRequest<unknown>('/api/0/auth/password/', { method: 'POST', body });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.session }),
  });
}
