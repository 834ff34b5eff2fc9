import { z } from 'zod';
import { defineRoute } from './api-route.ts';
import type { AnyRouteSpec, ApiServices } from './api-route.ts';
import { openApiDocument } from './openapi-document.ts';
import { effectiveScopes } from './principal.ts';

/** `GET /api/0/` is how sentry-cli checks a token; the OpenAPI document describes every route. */
export function rootRoutes(services: ApiServices, allRoutes: () => readonly AnyRouteSpec[]): AnyRouteSpec[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/0/',
      summary: 'Token check: the API version and the caller',
      tags: ['meta'],
      auth: false,
      query: z.object({}).passthrough(),
      handler: async ({ principal }) => {
        if (principal === null) return { version: '0', auth: null, user: null };
        const scopes = [...effectiveScopes(principal, null)];
        const user =
          principal.user === null
            ? null
            : { id: String(principal.user.id), email: principal.user.email, name: principal.user.name };
        return { version: '0', auth: { scopes }, user };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/openapi.json',
      summary: 'This OpenAPI 3.1 document',
      tags: ['meta'],
      auth: false,
      handler: async () => openApiDocument(allRoutes(), services.baseUrl()),
    }),
  ];
}
