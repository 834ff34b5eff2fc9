import { z } from 'zod';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import { cursorOffset, cursorQuery, linkHeader } from '../cursor-pagination.ts';
import { serializeAuditEntry } from './serialize-audit-entry.ts';

/**
 * `GET /api/0/organizations/{org}/audit-logs/`, newest first, filtered by `action` (or Sentry's
 * `event`) and `target`. Like Sentry it needs org:write, which owners and admins have.
 */
export function auditLogRoutes(services: ApiServices): AnyRouteSpec[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/0/organizations/:org/audit-logs/',
      summary: 'The audit log of an organization',
      tags: ['audit'],
      scope: 'org:write',
      params: z.object({ org: z.string().min(1) }),
      query: z.object({
        ...cursorQuery,
        action: z.string().min(1).max(100).optional(),
        event: z.string().min(1).max(100).optional(),
        target: z.string().min(1).max(200).optional(),
      }),
      handler: async ({ principal, params, query, request, reply }) => {
        const { organization } = await services.access.organization(principal, params.org, 'org:write');
        const offset = cursorOffset(query.cursor);
        const action = query.action ?? query.event;
        const entries = await services.storage.audit.list({
          organizationId: organization.id,
          ...(action === undefined ? {} : { action }),
          ...(query.target === undefined ? {} : { target: query.target }),
          limit: query.limit + 1,
          offset,
        });
        const hasMore = entries.length > query.limit;
        reply.header(
          'link',
          linkHeader(new URL(request.url, services.baseUrl()), { offset, limit: query.limit, hasMore }),
        );
        return { rows: entries.slice(0, query.limit).map(serializeAuditEntry) };
      },
    }),
  ];
}
