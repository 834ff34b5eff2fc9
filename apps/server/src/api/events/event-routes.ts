import { z } from 'zod';
import { AppError } from '@fixloop/core';
import type { EventSearchQuery, StoredEvent } from '@fixloop/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import { cursorOffset, linkHeader } from '../cursor-pagination.ts';
import { accessIssue } from '../issues/issue-access.ts';
import { issuePathParams, issuePaths } from '../issues/issue-paths.ts';
import { stringList } from '../issues/issue-list-query.ts';
import { eventSearchScope } from './event-search-scope.ts';
import { readEventTimeline } from './event-timeline.ts';
import { serializeEvent, serializeSimpleEvent } from './serialize-event.ts';

/** 32 hex digits, or a dashed UUID (normalized); anything else cannot be an event id. */
export function normalizeEventId(raw: string): string | null {
  const id = raw.replace(/-/g, '').toLowerCase();
  return /^[0-9a-f]{32}$/.test(id) ? id : null;
}

function notFound(): AppError {
  return new AppError('not_found', 'The requested event does not exist.');
}

async function fullEvent(services: ApiServices, event: StoredEvent) {
  return serializeEvent(
    event,
    await services.storage.events.getAdjacentEventIds(event.projectId, event.eventId),
  );
}

/**
 * An issue's event by id or `latest` / `oldest` / `recommended` (Sentry's names); the named ones
 * honour `environment` and `query` like the event list.
 */
async function issueEvent(
  services: ApiServices,
  issue: { id: number; projectId: number },
  eventId: string,
  scope: Pick<EventSearchQuery, 'filters' | 'since' | 'until'>,
) {
  const named = { latest: 'newest', recommended: 'newest', oldest: 'oldest' } as const;
  if (eventId in named) {
    const order = named[eventId as keyof typeof named];
    const [event] = await services.storage.events.searchEvents({
      projectIds: [issue.projectId],
      issueId: issue.id,
      ...scope,
      order,
      limit: 1,
      offset: 0,
    });
    return event ?? null;
  }
  const id = normalizeEventId(eventId);
  const event = id === null ? null : await services.storage.events.getEvent(issue.projectId, id);
  return event !== null && event.issueId === issue.id ? event : null;
}

/** Sentry's event filters: the search `query`, `environment` (repeatable) and a time range. */
const eventFilterQuery = z.object({
  query: z.string().max(4000).optional(),
  environment: stringList,
  statsPeriod: z.string().max(10).optional(),
  start: z.string().max(40).optional(),
  end: z.string().max(40).optional(),
});

const eventListQuery = eventFilterQuery.extend({
  cursor: z
    .string()
    .regex(/^\d+:\d+:[01]$/, 'must look like 0:100:0')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(100),
  full: z.enum(['true', 'false', '1', '0']).optional(),
});

/** One page of a list fetched with `limit + 1` rows: the Link header, then simple or full events. */
function eventPage(
  services: ApiServices,
  events: StoredEvent[],
  query: z.infer<typeof eventListQuery>,
  offset: number,
  { request, reply }: { request: FastifyRequest; reply: FastifyReply },
) {
  const hasMore = events.length > query.limit;
  void reply.header(
    'Link',
    linkHeader(new URL(request.url, services.baseUrl()), { offset, limit: query.limit, hasMore }),
  );
  const page = events.slice(0, query.limit);
  const full = query.full === 'true' || query.full === '1';
  return full ? Promise.all(page.map((e) => fullEvent(services, e))) : page.map(serializeSimpleEvent);
}

/** Events of issues and projects, Sentry's event JSON, and Fixloop's stored timelines. */
export function eventRoutes(services: ApiServices): AnyRouteSpec[] {
  const issueEventParams = z.object({ issueId: z.string(), eventId: z.string().max(64) });
  const projectEventParams = z.object({ org: z.string(), project: z.string(), eventId: z.string().max(64) });
  const projectEvent = async (
    principal: Parameters<ApiServices['access']['project']>[0],
    p: z.infer<typeof projectEventParams>,
  ) => {
    const { project } = await services.access.project(principal, p.org, p.project, 'event:read');
    const id = normalizeEventId(p.eventId);
    const event = id === null ? null : await services.storage.events.getEvent(project.id, id);
    if (event === null) throw notFound();
    return { project, event };
  };
  return [
    ...issuePaths('events/').map((path) =>
      defineRoute({
        method: 'GET',
        path,
        summary: 'An issue’s events, newest first (`query`, `environment`; `full=true` for whole events)',
        tags: ['events'],
        scope: 'event:read',
        params: issuePathParams,
        query: eventListQuery,
        handler: async ({ principal, params, query, request, reply }) => {
          const { issue } = await accessIssue(services, principal, params.issueId, 'event:read', params.org);
          const offset = cursorOffset(query.cursor);
          const events = await services.storage.events.searchEvents({
            projectIds: [issue.projectId],
            issueId: issue.id,
            ...eventSearchScope(services, principal, query),
            limit: query.limit + 1,
            offset,
          });
          return eventPage(services, events, query, offset, { request, reply });
        },
      }),
    ),
    ...[
      '/api/0/issues/:issueId/events/:eventId/',
      '/api/0/organizations/:org/issues/:issueId/events/:eventId/',
    ].map((path) =>
      defineRoute({
        method: 'GET',
        path,
        summary: 'One event of an issue: an event id, or latest, oldest, recommended',
        tags: ['events'],
        scope: 'event:read',
        params: path.includes(':org') ? issueEventParams.extend({ org: z.string() }) : issueEventParams,
        query: eventFilterQuery,
        handler: async ({ principal, params, query }) => {
          const org = (params as { org?: string }).org;
          const { issue } = await accessIssue(services, principal, params.issueId, 'event:read', org);
          const scope = eventSearchScope(services, principal, query);
          const event = await issueEvent(services, issue, params.eventId, scope);
          if (event === null) throw notFound();
          return fullEvent(services, event);
        },
      }),
    ),
    defineRoute({
      method: 'GET',
      path: '/api/0/projects/:org/:project/events/',
      summary:
        'A project’s error events, newest first (`query`, `environment`; `full=true` for whole events)',
      tags: ['events'],
      scope: 'event:read',
      params: z.object({ org: z.string(), project: z.string() }),
      query: eventListQuery,
      handler: async ({ principal, params, query, request, reply }) => {
        const { project } = await services.access.project(
          principal,
          params.org,
          params.project,
          'event:read',
        );
        const offset = cursorOffset(query.cursor);
        const events = await services.storage.events.searchEvents({
          projectIds: [project.id],
          ...eventSearchScope(services, principal, query),
          limit: query.limit + 1,
          offset,
        });
        return eventPage(services, events, query, offset, { request, reply });
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/0/projects/:org/:project/events/:eventId/',
      summary: 'One event of a project (Sentry event JSON with previous/next event ids in its issue)',
      tags: ['events'],
      scope: 'event:read',
      params: projectEventParams,
      handler: async ({ principal, params }) =>
        fullEvent(services, (await projectEvent(principal, params)).event),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/0/projects/:org/:project/events/:eventId/timeline/',
      summary: 'Fixloop: the event’s timeline (breadcrumbs and the full-event timeline, with layers)',
      tags: ['events'],
      scope: 'event:read',
      params: projectEventParams,
      handler: async ({ principal, params }) => {
        const { project, event } = await projectEvent(principal, params);
        const retentionDays = project.settings.timelineRetentionDays;
        const now = services.clock.now();
        return { entries: await readEventTimeline(services.storage.events, event, retentionDays, now) };
      },
    }),
  ];
}
