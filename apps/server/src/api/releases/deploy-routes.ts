import { AppError } from '@fixloop/core';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import { releaseWriteAccess } from './release-access.ts';
import { deployBody, releaseParams } from './release-schemas.ts';
import { serializeDeploy } from './serialize-release.ts';

/** Deploys of a release to an environment (`sentry-cli deploys new`). */
export function deployRoutes(services: ApiServices): AnyRouteSpec[] {
  const releaseOf = async (organizationId: number, version: string) => {
    const release = await services.storage.releases.getRelease(organizationId, version);
    if (release === null) throw new AppError('not_found', 'The requested release does not exist.');
    return release;
  };
  return [
    defineRoute({
      method: 'GET',
      path: '/api/0/organizations/:org/releases/:version/deploys/',
      summary: 'Deploys of a release, newest first',
      tags: ['releases'],
      scope: 'project:read',
      params: releaseParams,
      handler: async ({ params, principal }) => {
        const { organization } = await services.access.organization(principal, params.org, 'project:read');
        const release = await releaseOf(organization.id, params.version);
        return (await services.storage.releases.listDeploys(release.id)).map(serializeDeploy);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/0/organizations/:org/releases/:version/deploys/',
      summary: 'Record a deploy of a release',
      tags: ['releases'],
      scope: 'project:releases',
      status: 201,
      params: releaseParams,
      body: deployBody,
      handler: async ({ params, body, principal }) => {
        const { organization } = await releaseWriteAccess(services, principal, params.org);
        const release = await releaseOf(organization.id, params.version);
        const deploy = await services.storage.releases.addDeploy({
          releaseId: release.id,
          organizationId: organization.id,
          environment: body.environment,
          name: body.name ?? null,
          url: body.url ?? null,
          dateStarted: body.dateStarted ?? null,
          dateFinished: body.dateFinished ?? services.clock.now(),
        });
        await services.audit.record(principal, {
          organizationId: organization.id,
          action: 'release.deploy',
          target: `release:${release.version}`,
          after: { environment: deploy.environment, name: deploy.name },
        });
        return serializeDeploy(deploy);
      },
    }),
  ];
}
