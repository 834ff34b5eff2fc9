import { AppError } from '@fixloop/core';
import type { Organization, Release, ReleaseFileSummary } from '@fixloop/core';
import { lowerCaseHeaders } from '@fixloop/sourcemaps';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import type { Principal } from '../principal.ts';
import { releaseWriteAccess } from '../releases/release-access.ts';
import { multipartBoundary, parseMultipart } from './multipart-form.ts';
import { MULTIPART_SLACK } from './upload-limits.ts';
import type { UploadLimits } from './upload-limits.ts';

const orgParams = z.object({ org: z.string().min(1), version: z.string().min(1) });
const projectParams = orgParams.extend({ project: z.string().min(1) });

export function serializeReleaseFile(file: ReleaseFileSummary) {
  return {
    id: String(file.id),
    name: file.name,
    dist: file.dist,
    headers: file.headers,
    size: file.size,
    sha1: file.sha1,
    dateCreated: file.createdAt.toISOString(),
  };
}

/**
 * Legacy release files, one multipart upload each (`file`, `name`, optional `dist` and repeated
 * `header: "Key: Value"`), at project and organization level, as very old sentry-cli versions and
 * scripts use them.
 */
export function releaseFileRoutes(services: ApiServices, limits: UploadLimits): AnyRouteSpec[] {
  const releaseIn = async (organization: Organization, version: string, projectId: number | null) => {
    const release = await services.storage.releases.getRelease(organization.id, version);
    if (release === null || (projectId !== null && !release.projectIds.includes(projectId))) {
      throw new AppError('not_found', 'The requested release does not exist.');
    }
    return release;
  };
  const upload = async (
    principal: Principal,
    organization: Organization,
    release: Release,
    request: FastifyRequest,
    reply: FastifyReply,
  ) => {
    const form = uploadedFile(request);
    const { file, created } = await services.storage.artifacts.putReleaseFile({
      organizationId: organization.id,
      releaseId: release.id,
      dist: form.dist,
      name: form.name,
      headers: form.headers,
      content: form.content,
      createdAt: services.clock.now(),
    });
    if (!created)
      throw new AppError('conflict', 'A file matching this name already exists for the given release');
    await services.audit.record(principal, {
      organizationId: organization.id,
      action: 'release.files.upload',
      target: `release:${release.version}`,
      after: { name: file.name, dist: file.dist },
    });
    reply.code(201);
    return serializeReleaseFile(file);
  };
  const list = async (release: Release) =>
    (await services.storage.artifacts.listReleaseFiles(release.id)).map(serializeReleaseFile);
  const common = { tags: ['sourcemaps'], bodyLimit: limits.maxRequestSize + MULTIPART_SLACK };

  return [
    defineRoute({
      ...common,
      method: 'GET',
      path: '/api/0/projects/:org/:project/releases/:version/files/',
      summary: 'Release files of a project release',
      scope: 'project:read',
      params: projectParams,
      handler: async ({ params, principal }) => {
        const { organization, project } = await services.access.project(
          principal,
          params.org,
          params.project,
          'project:read',
        );
        return list(await releaseIn(organization, params.version, project.id));
      },
    }),
    defineRoute({
      ...common,
      method: 'POST',
      path: '/api/0/projects/:org/:project/releases/:version/files/',
      summary: 'Upload one release file (multipart `file`, `name`)',
      scope: 'project:releases',
      params: projectParams,
      handler: async ({ params, principal, request, reply }) => {
        const { organization } = await releaseWriteAccess(services, principal, params.org);
        const project = await services.storage.projects.getProjectBySlug(organization.id, params.project);
        if (project === null) throw new AppError('not_found', 'The requested project does not exist.');
        return upload(
          principal,
          organization,
          await releaseIn(organization, params.version, project.id),
          request,
          reply,
        );
      },
    }),
    defineRoute({
      ...common,
      method: 'GET',
      path: '/api/0/organizations/:org/releases/:version/files/',
      summary: 'Release files of a release',
      scope: 'project:read',
      params: orgParams,
      handler: async ({ params, principal }) => {
        const { organization } = await services.access.organization(principal, params.org, 'project:read');
        return list(await releaseIn(organization, params.version, null));
      },
    }),
    defineRoute({
      ...common,
      method: 'POST',
      path: '/api/0/organizations/:org/releases/:version/files/',
      summary: 'Upload one release file (multipart `file`, `name`)',
      scope: 'project:releases',
      params: orgParams,
      handler: async ({ params, principal, request, reply }) => {
        const { organization } = await releaseWriteAccess(services, principal, params.org);
        return upload(
          principal,
          organization,
          await releaseIn(organization, params.version, null),
          request,
          reply,
        );
      },
    }),
  ];
}

interface UploadedFile {
  name: string;
  dist: string | null;
  headers: Record<string, string>;
  content: Uint8Array;
}

function uploadedFile(request: FastifyRequest): UploadedFile {
  const boundary = multipartBoundary(request.headers['content-type']);
  const body = Buffer.isBuffer(request.body) ? request.body : null;
  if (boundary === null || body === null)
    throw new AppError('bad_request', 'Expected a multipart/form-data body.');
  const form = parseMultipart(body, boundary);
  if (!form.ok) throw new AppError('bad_request', form.error);
  const file = form.parts.find((p) => p.name === 'file');
  if (file === undefined)
    throw new AppError('bad_request', 'Missing uploaded file', { fields: { file: ['required'] } });
  const text = (field: string) =>
    form.parts
      .find((p) => p.name === field)
      ?.data.toString('utf8')
      .trim() ?? '';
  const name = text('name') || file.filename || '';
  if (name === '')
    throw new AppError('bad_request', 'File name is required', { fields: { name: ['required'] } });
  const headers: Record<string, string> = {};
  for (const part of form.parts.filter((p) => p.name === 'header')) {
    const [key, ...value] = part.data.toString('utf8').split(':');
    if (key !== undefined && value.length > 0) headers[key.trim()] = value.join(':').trim();
  }
  return { name, dist: text('dist') || null, headers: lowerCaseHeaders(headers), content: file.data };
}
