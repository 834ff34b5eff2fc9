import { apiGet } from './api-client.ts';
import type { QueryValue } from './api-client.ts';
import { isApiError } from './api-error.ts';

/**
 * GET an endpoint that may not exist on this server yet (investigations, fixes, AI settings): a 404
 * becomes null, so the page shows its empty state rather than an error.
 */
export async function apiGetOptional<T>(
  path: string,
  query?: Record<string, QueryValue>,
  signal?: AbortSignal,
): Promise<T | null> {
  try {
    return await apiGet<T>(path, query, signal);
  } catch (error) {
    if (isApiError(error) && error.isMissing) return null;
    throw error;
  }
}
