import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import { commentRoutes } from './comment-routes.ts';
import { issueDetailRoutes } from './issue-detail-routes.ts';
import { issueHashRoutes } from './issue-hash-routes.ts';
import { issueListRoutes } from './issue-list-routes.ts';
import { issueTagRoutes } from './issue-tag-routes.ts';
import { shortIdRoutes } from './short-id-routes.ts';

/** Issues: lists with search, bulk changes and merges, details, comments, activity, tags, hashes, short ids. */
export function issueRoutes(services: ApiServices): AnyRouteSpec[] {
  return [
    ...issueListRoutes(services),
    ...issueDetailRoutes(services),
    ...commentRoutes(services),
    ...issueTagRoutes(services),
    ...issueHashRoutes(services),
    ...shortIdRoutes(services),
  ];
}
