import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, setCsrfToken } from './api-client.ts';
import { queryKeys } from './query-keys.ts';
import type { LoginResponse } from './types.ts';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (credentials: { email: string; password: string }) =>
      (await apiRequest<LoginResponse>('/api/0/auth/login/', { method: 'POST', body: credentials })).data,
    onSuccess: async (data) => {
      setCsrfToken(data.csrfToken);
      // The session carries the organizations and roles the login answer lacks.
      await queryClient.invalidateQueries({ queryKey: queryKeys.session });
    },
  });
}
