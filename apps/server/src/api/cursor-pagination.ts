import { z } from 'zod';

/**
 * Sentry's cursor pagination: cursors are `value:offset:is_prev`, and the Link header always carries
 * both `previous` and `next`; clients stop when `results="false"`. Fixloop's cursors are offsets.
 */
export const cursorQuery = {
  cursor: z
    .string()
    .regex(/^\d+:\d+:[01]$/, 'must look like 0:100:0')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(100),
};

export function cursorOffset(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  return Number(cursor.split(':')[1] ?? 0);
}

export interface Page {
  offset: number;
  limit: number;
  /** Whether another page follows this one. */
  hasMore: boolean;
}

export function linkHeader(requestUrl: URL, page: Page): string {
  const previousOffset = Math.max(0, page.offset - page.limit);
  const link = (rel: string, offset: number, isPrev: 0 | 1, results: boolean) => {
    const cursor = `0:${offset}:${isPrev}`;
    const url = new URL(requestUrl);
    url.searchParams.set('cursor', cursor);
    return `<${url.toString()}>; rel="${rel}"; results="${results}"; cursor="${cursor}"`;
  };
  return [
    link('previous', previousOffset, 1, page.offset > 0),
    link('next', page.offset + page.limit, 0, page.hasMore),
  ].join(', ');
}
