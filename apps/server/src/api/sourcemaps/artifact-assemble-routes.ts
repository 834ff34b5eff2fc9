import { AppError } from '@fixloop/core';
import { z } from 'zod';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import { projectsByRef, releaseWriteAccess } from '../releases/release-access.ts';
import { assembleUploadedZip, linkStoredBundle, storeArtifactBundle } from './assemble-artifact-bundle.ts';
import type { AssembleResponse } from './assemble-artifact-bundle.ts';
import type { UploadLimits } from './upload-limits.ts';

const sha1 = z
  .string()
  .regex(/^[0-9a-fA-F]{40}$/, 'must be a sha1 hex digest')
  .transform((s) => s.toLowerCase());
const assembleBody = z.object({
  checksum: sha1,
  chunks: z.array(sha1).max(100_000),
  projects: z.array(z.union([z.string(), z.number().int()])).optional(),
  version: z.string().min(1).nullish(),
  dist: z.string().min(1).nullish(),
});

/**
 * `POST /api/0/organizations/{org}/artifactbundle/assemble/` (sentry-cli's debug-id uploads) and the
 * legacy `…/releases/{version}/assemble/` that turns the zip into release files.
 */
export function artifactAssembleRoutes(services: ApiServices, limits: UploadLimits): AnyRouteSpec[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/api/0/organizations/:org/artifactbundle/assemble/',
      summary: 'Assemble an artifact bundle from uploaded chunks',
      tags: ['sourcemaps'],
      scope: 'project:releases',
      params: z.object({ org: z.string().min(1) }),
      body: assembleBody,
      handler: async ({ params, body, principal, reply }): Promise<AssembleResponse | { error: string }> => {
        const { organization } = await releaseWriteAccess(services, principal, params.org);
        const refs = body.projects ?? [];
        const projects = refs.length === 0 ? [] : await projectsByRef(services, organization.id, refs);
        if (projects === null || projects.length === 0) {
          reply.code(400);
          return {
            error:
              projects === null
                ? 'One or more projects are invalid'
                : 'You need to specify at least one project',
          };
        }
        const stored = await services.storage.artifacts.getBundleByChecksum(organization.id, body.checksum);
        if (stored !== null)
          return linkStoredBundle(services.storage, stored, projects, services.clock.now());
        const request = {
          organization,
          checksum: body.checksum,
          chunks: body.chunks,
          maxFileSize: limits.maxFileSize,
          now: services.clock.now(),
        };
        const assembled = await assembleUploadedZip(services.storage, request);
        if (!assembled.done) return assembled.response;
        const response = await storeArtifactBundle(
          services.storage,
          { ...request, projects, version: body.version ?? null, dist: body.dist ?? null },
          assembled.bundle,
        );
        await services.storage.artifacts.deleteChunks(organization.id, body.chunks);
        await services.audit.record(principal, {
          organizationId: organization.id,
          action: 'artifact_bundle.upload',
          target: `artifact_bundle:${body.checksum}`,
          after: { files: assembled.bundle.files.length, projects: projects.map((p) => p.slug) },
        });
        return response;
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/0/organizations/:org/releases/:version/assemble/',
      summary: 'Assemble a release-file zip (legacy sentry-cli upload path)',
      tags: ['sourcemaps'],
      scope: 'project:releases',
      params: z.object({ org: z.string().min(1), version: z.string().min(1) }),
      body: assembleBody.omit({ projects: true, version: true }),
      handler: async ({ params, body, principal }): Promise<AssembleResponse> => {
        const { organization } = await releaseWriteAccess(services, principal, params.org);
        const release = await services.storage.releases.getRelease(organization.id, params.version);
        if (release === null) throw new AppError('not_found', 'The requested release does not exist.');
        const request = {
          organization,
          checksum: body.checksum,
          chunks: body.chunks,
          maxFileSize: limits.maxFileSize,
          now: services.clock.now(),
        };
        const assembled = await assembleUploadedZip(services.storage, request);
        if (!assembled.done) return assembled.response;
        const dist = body.dist ?? assembled.bundle.manifest.dist;
        for (const file of assembled.bundle.files) {
          await services.storage.artifacts.putReleaseFile(
            {
              organizationId: organization.id,
              releaseId: release.id,
              dist,
              name: file.url,
              headers: file.headers,
              content: file.content,
              createdAt: request.now,
            },
            { replace: true },
          );
        }
        await services.storage.artifacts.deleteChunks(organization.id, body.chunks);
        await services.audit.record(principal, {
          organizationId: organization.id,
          action: 'release.files.upload',
          target: `release:${release.version}`,
          after: { files: assembled.bundle.files.length },
        });
        return { state: 'ok', missingChunks: [], detail: null };
      },
    }),
  ];
}
