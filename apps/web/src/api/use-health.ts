import { useQuery } from '@tanstack/react-query';
import { ApiError } from './api-error.ts';
import { queryKeys } from './query-keys.ts';
import type { HealthResponse } from './types.ts';

/** GET /health: answers 503 with the same body when degraded, which is still worth showing. */
export function useHealth() {
  return useQuery({
    queryKey: queryKeys.health,
    queryFn: async ({ signal }): Promise<HealthResponse> => {
      const response = await fetch('/health', { signal, headers: { Accept: 'application/json' } });
      const body = (await response.json().catch(() => null)) as HealthResponse | null;
      if (body === null) throw new ApiError(response.status, `Health check answered ${response.status}`);
      return body;
    },
    refetchInterval: 10_000,
  });
}
