import { z } from 'zod';
import type { AnyRouteSpec } from './api-route.ts';

/** OpenAPI 3.1 generated from the same zod schemas that validate requests. */
export function openApiDocument(routes: readonly AnyRouteSpec[], serverUrl: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    (paths[path] ??= {})[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Fixloop Web API',
      version: '0',
      description: 'Sentry-compatible Web API of Fixloop, plus Fixloop additions under the same conventions.',
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        session: { type: 'apiKey', in: 'cookie', name: 'fixloop_session' },
      },
    },
    paths,
  };
}

function operation(route: AnyRouteSpec): Record<string, unknown> {
  const op: Record<string, unknown> = {
    summary: route.summary,
    tags: route.tags,
    parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
    responses: {
      [String(route.status ?? 200)]: { description: 'Success' },
      '400': { description: 'Invalid request; `detail` names the offending field' },
      ...(route.auth === false
        ? {}
        : { '401': { description: 'Not authenticated' }, '403': { description: 'Missing scope' } }),
      '404': { description: 'Not found (or not visible to the caller)' },
    },
  };
  if (route.auth !== false) op['security'] = [{ bearer: [] }, { session: [] }];
  if (route.scope !== undefined) op['x-fixloop-scope'] = route.scope;
  if (route.body !== undefined) {
    op['requestBody'] = {
      required: true,
      content: { 'application/json': { schema: jsonSchema(route.body) } },
    };
  }
  return op;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): Record<string, unknown>[] {
  if (schema === undefined) return [];
  const json = jsonSchema(schema);
  const properties = (json['properties'] ?? {}) as Record<string, unknown>;
  const required = new Set((json['required'] ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: property,
  }));
}

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
