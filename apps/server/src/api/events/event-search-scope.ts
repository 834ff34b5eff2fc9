import { AppError, parseEventSearch } from '@fixloop/core';
import type { EventSearchFilter } from '@fixloop/core';
import type { ApiServices } from '../api-route.ts';
import type { Principal } from '../principal.ts';

/**
 * The event lists' `query` (the issue search syntax, on single events) and repeatable
 * `environment`, compiled; a bad query is a 400 naming `query` with the term's position.
 */
export function eventSearchFilters(
  services: ApiServices,
  principal: Principal,
  params: { query?: string | undefined; environment?: string[] | undefined },
): EventSearchFilter[] {
  const parsed = parseEventSearch(params.query ?? '', {
    now: services.clock.now(),
    userId: principal.user?.id ?? null,
  });
  if (!parsed.ok) {
    const { message, position } = parsed.error;
    const detail = `Invalid search query at position ${position}: ${message}`;
    throw new AppError('bad_request', detail, { fields: { query: [detail] }, position });
  }
  const environments = params.environment ?? [];
  if (environments.length === 0) return parsed.filters;
  const patterns = environments.map((value) => ({ kind: 'exact' as const, value }));
  return [...parsed.filters, { kind: 'field', field: 'environment', patterns, negated: false }];
}
