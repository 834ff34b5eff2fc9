import { z } from 'zod';

/** `?a=1&a=2` arrives as an array, `?a=1` as a string: both become a list. */
export const stringList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .optional();

export const ISSUE_SORTS = ['date', 'new', 'freq', 'user', 'priority', 'trends', 'inbox'] as const;

/** Query parameters of the issue list endpoints (Sentry's names). */
export const issueListQuery = z.object({
  query: z.string().max(4000).optional(),
  sort: z.enum(ISSUE_SORTS).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z
    .string()
    .regex(/^\d+:\d+:[01]$/, 'must look like 0:100:0')
    .optional(),
  project: stringList,
  environment: stringList,
  statsPeriod: z
    .string()
    .regex(/^(\d{1,6}[smhdw])?$/, 'must look like 24h, 14d or 90m')
    .optional(),
  groupStatsPeriod: z.enum(['', '24h', '14d', 'auto']).optional(),
  start: z.string().max(40).optional(),
  end: z.string().max(40).optional(),
  shortIdLookup: z.enum(['0', '1', 'true', 'false']).optional(),
  /** Bulk PUT/DELETE: the issues to change (else the ones the query matches). */
  id: stringList,
});

export type IssueListQuery = z.infer<typeof issueListQuery>;
