import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/api-error.ts';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 20_000,
        // A 4xx will not fix itself; a network blip or a 5xx might.
        retry: (failures, error) => failures < 2 && !(isApiError(error) && error.status < 500),
      },
    },
  });
}
