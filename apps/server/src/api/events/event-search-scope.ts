import { AppError, parseEventSearch } from '@fixloop/core';
import type { EventSearchFilter, EventSearchQuery } from '@fixloop/core';
import type { ApiServices } from '../api-route.ts';
import type { Principal } from '../principal.ts';
import { timeRange } from '../stats/stats-period.ts';

interface EventListParams {
  query?: string | undefined;
  environment?: string[] | undefined;
  statsPeriod?: string | undefined;
  start?: string | undefined;
  end?: string | undefined;
}

/**
 * What an event list selects besides its projects and page: the filters, and the time range when
 * `statsPeriod` or `start`/`end` is given (Sentry's event lists have no default window).
 */
export function eventSearchScope(
  services: ApiServices,
  principal: Principal,
  params: EventListParams,
): Pick<EventSearchQuery, 'filters' | 'since' | 'until'> {
  const filters = eventSearchFilters(services, principal, params);
  const range = timeRange(params, services.clock.now(), 0);
  return range.explicit ? { filters, since: range.start, until: range.end } : { filters };
}

/**
 * The event lists' `query` (the issue search syntax, on single events) and repeatable
 * `environment`, compiled; a bad query is a 400 naming `query` with the term's position.
 */
export function eventSearchFilters(
  services: ApiServices,
  principal: Principal,
  params: EventListParams,
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
