import { AppError } from '@fixloop/core';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import { releaseParams } from './release-schemas.ts';
import { serializeRelease } from './serialize-release.ts';

/**
 * `GET …/releases/{version}/previous-with-commits/`: `sentry-cli releases set-commits --local` asks it
 * where the last release's commits ended, so the new release gets only the commits since. `{}` when
 * there is none (the CLI then sends up to 20 commits).
 */
export function previousReleaseRoutes(services: ApiServices): AnyRouteSpec[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/0/organizations/:org/releases/:version/previous-with-commits/',
      summary: 'The previous release with commits, and its newest commit',
      tags: ['releases'],
      scope: 'project:read',
      params: releaseParams,
      handler: async ({ params, principal }) => {
        const { organization } = await services.access.organization(principal, params.org, 'project:read');
        const release = await services.storage.releases.getRelease(organization.id, params.version);
        if (release === null) throw new AppError('not_found', 'The requested release does not exist.');
        const previous = await services.storage.releases.previousWithCommits(release.id);
        if (previous === null) return {};
        const projects = await services.storage.projects.listProjects(organization.id);
        return { ...serializeRelease(previous.release, projects), lastCommit: previous.lastCommit };
      },
    }),
  ];
}
