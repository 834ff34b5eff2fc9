import { z } from 'zod';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import { cursorOffset, cursorQuery, linkHeader } from '../cursor-pagination.ts';
import { serializeAlertDelivery } from './serialize-alert-delivery.ts';

/** A query key given once or repeated (`?status=a&status=b`): the last one counts. */
const single = <T extends z.ZodType<string>>(schema: T) =>
  z
    .union([schema, z.array(schema).min(1)])
    .transform((v): z.output<T> => (Array.isArray(v) ? v[v.length - 1] : v) as z.output<T>);

const deliveryQuery = z.object({
  channel: single(z.string().regex(/^\d+$/, 'must be a channel id')).optional(),
  status: single(z.enum(['pending', 'sent', 'failed', 'suppressed', 'digested'])).optional(),
  issue: single(z.string().regex(/^\d+$/, 'must be an issue id')).optional(),
  ...cursorQuery,
});

/** `GET /api/0/organizations/{org}/alert-deliveries/`: the delivery log, newest first. */
export function alertDeliveryRoutes(services: ApiServices): AnyRouteSpec[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/0/organizations/:org/alert-deliveries/',
      summary: 'The alert delivery log (status, provider message id, error), newest first',
      tags: ['alerts'],
      scope: 'org:read',
      params: z.object({ org: z.string().min(1) }),
      query: deliveryQuery,
      handler: async ({ principal, params, query, request, reply }) => {
        const access = await services.access.organization(principal, params.org, 'org:read');
        const offset = cursorOffset(query.cursor);
        const rows = await services.storage.alerts.listDeliveries({
          organizationId: access.organization.id,
          ...(query.channel !== undefined ? { channelId: Number(query.channel) } : {}),
          ...(query.status !== undefined ? { status: query.status } : {}),
          ...(query.issue !== undefined ? { issueId: Number(query.issue) } : {}),
          limit: query.limit + 1,
          offset,
        });
        const url = new URL(request.url, services.baseUrl());
        reply.header(
          'link',
          linkHeader(url, { offset, limit: query.limit, hasMore: rows.length > query.limit }),
        );
        return rows.slice(0, query.limit).map(serializeAlertDelivery);
      },
    }),
  ];
}
