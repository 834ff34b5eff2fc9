import { AppError } from '@fixloop/core';
import { z } from 'zod';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import { cursorOffset, cursorQuery, linkHeader } from '../cursor-pagination.ts';
import { projectParams, releaseParams } from './release-schemas.ts';
import { serializeCommit, serializeRelease } from './serialize-release.ts';

const commitsQuery = z.object(cursorQuery);

/**
 * A release's commits (`sentry-cli releases info --show-commits`), and the previous release with
 * commits, which `releases set-commits --local` asks so a release gets only the commits since.
 */
export function releaseCommitRoutes(services: ApiServices): AnyRouteSpec[] {
  const releaseOf = async (organizationId: number, version: string, projectId: number | null) => {
    const release = await services.storage.releases.getRelease(organizationId, version);
    if (release === null || (projectId !== null && !release.projectIds.includes(projectId)))
      throw new AppError('not_found', 'The requested release does not exist.');
    return release;
  };
  const commits = async (
    releaseId: number,
    query: z.infer<typeof commitsQuery>,
    url: URL,
    reply: { header(name: string, value: string): unknown },
  ) => {
    const offset = cursorOffset(query.cursor);
    const all = await services.storage.releases.listCommits(releaseId);
    const hasMore = all.length > offset + query.limit;
    reply.header('Link', linkHeader(url, { offset, limit: query.limit, hasMore }));
    return all.slice(offset, offset + query.limit).map(serializeCommit);
  };
  const common = { tags: ['releases'], scope: 'project:read' as const, query: commitsQuery };
  return [
    defineRoute({
      ...common,
      method: 'GET',
      path: '/api/0/organizations/:org/releases/:version/commits/',
      summary: 'Commits of a release, newest first',
      params: releaseParams,
      handler: async ({ params, query, principal, request, reply }) => {
        const { organization } = await services.access.organization(principal, params.org, 'project:read');
        const release = await releaseOf(organization.id, params.version, null);
        return commits(release.id, query, new URL(request.url, services.baseUrl()), reply);
      },
    }),
    defineRoute({
      ...common,
      method: 'GET',
      path: '/api/0/projects/:org/:project/releases/:version/commits/',
      summary: 'Commits of a project release, newest first',
      params: projectParams.extend({ version: z.string().min(1) }),
      handler: async ({ params, query, principal, request, reply }) => {
        const { organization, project } = await services.access.project(
          principal,
          params.org,
          params.project,
          'project:read',
        );
        const release = await releaseOf(organization.id, params.version, project.id);
        return commits(release.id, query, new URL(request.url, services.baseUrl()), reply);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/0/organizations/:org/releases/:version/previous-with-commits/',
      summary: 'The previous release with commits, and its newest commit',
      tags: ['releases'],
      scope: 'project:read',
      params: releaseParams,
      handler: async ({ params, principal }) => {
        const { organization } = await services.access.organization(principal, params.org, 'project:read');
        const release = await releaseOf(organization.id, params.version, null);
        const previous = await services.storage.releases.previousWithCommits(release.id);
        // `{}` when there is none: the CLI then sends up to 20 commits.
        if (previous === null) return {};
        const projects = await services.storage.projects.listProjects(organization.id);
        return {
          ...serializeRelease(previous.release, projects),
          lastCommit: serializeCommit(previous.lastCommit),
        };
      },
    }),
  ];
}
