import { z } from 'zod';

/**
 * Sentry serves an issue's sub-resources at `/api/0/issues/{id}/…` and, in its current API docs, under
 * the organization (`/api/0/organizations/{org}/issues/{id}/…`). Fixloop answers both; under the
 * organization path an issue of another organization does not exist.
 */
export function issuePaths(suffix: string): string[] {
  return [`/api/0/issues/:issueId/${suffix}`, `/api/0/organizations/:org/issues/:issueId/${suffix}`];
}

/** Params of both paths: `org` is there only on the organization one. */
export const issuePathParams = z.object({ issueId: z.string(), org: z.string().optional() });
