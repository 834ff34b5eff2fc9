import { AppError } from '@fixloop/core';
import type { Organization, Project, Release, ReleaseStatus } from '@fixloop/core';
import { z } from 'zod';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import { cursorOffset, cursorQuery, linkHeader } from '../cursor-pagination.ts';
import type { Principal } from '../principal.ts';
import { releaseCommitRoutes } from './release-commit-routes.ts';
import { projectsByRef, releaseWriteAccess } from './release-access.ts';
import {
  orgParams,
  projectParams,
  releaseBody,
  releaseParams,
  releaseStatus,
  releaseUpdateBody,
} from './release-schemas.ts';
import { serializeRelease } from './serialize-release.ts';

// Sentry lists open releases unless asked for archived ones.
const listQuery = z.object({
  ...cursorQuery,
  query: z.string().max(200).optional(),
  status: releaseStatus.default('open'),
});
type ReleaseBody = z.infer<typeof releaseBody>;

/** Releases: create (201 new, 208 existing, as sentry-cli expects), list, read, update, delete. */
export function releaseRoutes(services: ApiServices): AnyRouteSpec[] {
  const create = async (
    principal: Principal,
    organization: Organization,
    projects: Project[],
    body: ReleaseBody,
  ) => {
    if (projects.length === 0) {
      // sentry-cli archives and restores with `projects: []`: fine for a release that exists.
      const existing = await services.storage.releases.getRelease(organization.id, body.version);
      if (existing === null) throw new AppError('bad_request', 'You need to specify at least one project.');
      return { release: await setStatus(principal, existing, body.status), created: false };
    }
    const { release, created } = await services.storage.releases.ensureRelease({
      organizationId: organization.id,
      version: body.version,
      projectIds: projects.map((p) => p.id),
      ref: body.ref ?? null,
      url: body.url ?? null,
      dateReleased: body.dateReleased ?? null,
      commits: body.commits ?? null,
      createdAt: services.clock.now(),
    });
    if (created) {
      await services.audit.record(principal, {
        organizationId: organization.id,
        action: 'release.create',
        target: `release:${release.version}`,
        after: { version: release.version, projects: projects.map((p) => p.slug) },
      });
    }
    return { release: await setStatus(principal, release, body.status), created };
  };
  const setStatus = async (principal: Principal, release: Release, status: ReleaseStatus | undefined) => {
    if (status === undefined || status === release.status) return release;
    const after = await services.storage.releases.updateRelease(release.id, { status });
    if (after === null) throw new AppError('not_found', 'The requested release does not exist.');
    await services.audit.record(principal, {
      organizationId: release.organizationId,
      action: 'release.update',
      target: `release:${release.version}`,
      before: { status: release.status },
      after: { status },
    });
    return after;
  };
  const json = async (release: Release, organizationId: number) =>
    serializeRelease(release, await services.storage.projects.listProjects(organizationId));
  const getRelease = async (organizationId: number, version: string): Promise<Release> => {
    const release = await services.storage.releases.getRelease(organizationId, version);
    if (release === null) throw new AppError('not_found', 'The requested release does not exist.');
    return release;
  };

  return [
    ...releaseCommitRoutes(services),
    defineRoute({
      method: 'POST',
      path: '/api/0/organizations/:org/releases/',
      summary: 'Create a release (or link projects to an existing one: 208)',
      tags: ['releases'],
      scope: 'project:releases',
      status: 201,
      params: orgParams,
      body: releaseBody,
      handler: async ({ params, body, principal, reply }) => {
        const { organization } = await releaseWriteAccess(services, principal, params.org);
        const projects = await projectsByRef(services, organization.id, body.projects ?? []);
        if (projects === null) throw new AppError('bad_request', 'Invalid project slugs.');
        const { release, created } = await create(principal, organization, projects, body);
        if (!created) reply.code(208);
        return json(release, organization.id);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/0/projects/:org/:project/releases/',
      summary: 'Create a release of a project (208 when it exists)',
      tags: ['releases'],
      scope: 'project:releases',
      status: 201,
      params: projectParams,
      body: releaseBody,
      handler: async ({ params, body, principal, reply }) => {
        const { organization } = await releaseWriteAccess(services, principal, params.org);
        const projects = await projectsByRef(services, organization.id, [
          params.project,
          ...(body.projects ?? []),
        ]);
        if (projects === null) throw new AppError('not_found', 'The requested project does not exist.');
        const { release, created } = await create(principal, organization, projects, body);
        if (!created) reply.code(208);
        return json(release, organization.id);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/0/organizations/:org/releases/',
      summary: 'List releases of an organization, newest first',
      tags: ['releases'],
      scope: 'project:read',
      params: orgParams,
      query: listQuery.extend({ project: z.union([z.string(), z.array(z.string())]).optional() }),
      handler: async ({ params, query, principal, request, reply }) => {
        const { organization } = await services.access.organization(principal, params.org, 'project:read');
        const projectRefs = query.project === undefined ? [] : [query.project].flat();
        const projects = await projectsByRef(services, organization.id, projectRefs);
        const projectIds = projectRefs.length === 0 ? undefined : (projects ?? []).map((p) => p.id);
        return list(organization.id, projectIds, query, new URL(request.url, services.baseUrl()), reply);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/0/projects/:org/:project/releases/',
      summary: 'List releases of a project, newest first',
      tags: ['releases'],
      scope: 'project:read',
      params: projectParams,
      query: listQuery,
      handler: async ({ params, query, principal, request, reply }) => {
        const { organization, project } = await services.access.project(
          principal,
          params.org,
          params.project,
          'project:read',
        );
        return list(organization.id, [project.id], query, new URL(request.url, services.baseUrl()), reply);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/0/organizations/:org/releases/:version/',
      summary: 'A release',
      tags: ['releases'],
      scope: 'project:read',
      params: releaseParams,
      handler: async ({ params, principal }) => {
        const { organization } = await services.access.organization(principal, params.org, 'project:read');
        return json(await getRelease(organization.id, params.version), organization.id);
      },
    }),
    defineRoute({
      method: 'PUT',
      path: '/api/0/organizations/:org/releases/:version/',
      summary: 'Update a release (ref, url, dateReleased, commits, projects)',
      tags: ['releases'],
      scope: 'project:releases',
      params: releaseParams,
      body: releaseUpdateBody,
      handler: async ({ params, body, principal }) => {
        const { organization } = await releaseWriteAccess(services, principal, params.org);
        const before = await getRelease(organization.id, params.version);
        const projects = await projectsByRef(services, organization.id, body.projects ?? []);
        if (projects === null) throw new AppError('bad_request', 'Invalid project slugs.');
        const after = await services.storage.releases.updateRelease(before.id, {
          ...(body.ref === undefined ? {} : { ref: body.ref }),
          ...(body.url === undefined ? {} : { url: body.url }),
          ...(body.dateReleased === undefined ? {} : { dateReleased: body.dateReleased }),
          ...(body.commits === undefined ? {} : { commits: body.commits }),
          ...(body.projects === undefined ? {} : { projectIds: projects.map((p) => p.id) }),
          ...(body.status === undefined ? {} : { status: body.status }),
        });
        if (after === null) throw new AppError('not_found', 'The requested release does not exist.');
        await services.audit.record(principal, {
          organizationId: organization.id,
          action: 'release.update',
          target: `release:${before.version}`,
          before: {
            ref: before.ref,
            url: before.url,
            dateReleased: before.dateReleased,
            status: before.status,
          },
          after: { ref: after.ref, url: after.url, dateReleased: after.dateReleased, status: after.status },
        });
        return json(after, organization.id);
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/0/organizations/:org/releases/:version/',
      summary: 'Delete a release with its deploys and release files',
      tags: ['releases'],
      scope: 'project:releases',
      params: releaseParams,
      handler: async ({ params, principal }) => {
        const { organization } = await releaseWriteAccess(services, principal, params.org);
        const release = await getRelease(organization.id, params.version);
        await services.storage.releases.deleteRelease(release.id);
        await services.audit.record(principal, {
          organizationId: organization.id,
          action: 'release.delete',
          target: `release:${release.version}`,
          before: { version: release.version },
        });
        return undefined;
      },
    }),
  ];

  async function list(
    organizationId: number,
    projectIds: number[] | undefined,
    query: z.infer<typeof listQuery>,
    url: URL,
    reply: { header(name: string, value: string): unknown },
  ) {
    const offset = cursorOffset(query.cursor);
    const releases = await services.storage.releases.listReleases({
      organizationId,
      ...(projectIds === undefined ? {} : { projectIds }),
      ...(query.query === undefined ? {} : { query: query.query }),
      status: query.status,
      limit: query.limit + 1,
      offset,
    });
    reply.header(
      'Link',
      linkHeader(url, { offset, limit: query.limit, hasMore: releases.length > query.limit }),
    );
    const projects = await services.storage.projects.listProjects(organizationId);
    return releases.slice(0, query.limit).map((r) => serializeRelease(r, projects));
  }
}
