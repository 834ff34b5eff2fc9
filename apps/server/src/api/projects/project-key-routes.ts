import { randomBytes } from 'node:crypto';
import { AppError } from '@fixloop/core';
import type { ApiScope, ProjectKey } from '@fixloop/core';
import { z } from 'zod';
import type { AccountApiOptions } from '../accounts/account-api-options.ts';
import type { ProjectAccess } from '../api-access.ts';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import type { Principal } from '../principal.ts';
import { serializeProjectKey } from './serialize-project-key.ts';

const projectParams = z.object({ org: z.string().min(1), project: z.string().min(1) });
const keyParams = projectParams.extend({ keyId: z.string().min(1) });

/**
 * `/api/0/projects/{org}/{project}/keys/`: DSN keys. Deactivating or deleting a key empties the
 * ingest key cache, so events sent with it are refused from the next request on (this process;
 * other processes within the cache TTL).
 */
export function projectKeyRoutes(services: ApiServices, options: AccountApiOptions): AnyRouteSpec[] {
  const { storage } = services;
  const keyOf = async (principal: Principal, p: z.infer<typeof keyParams>, scope: ApiScope) => {
    const access = await services.access.project(principal, p.org, p.project, scope);
    const found = await storage.projects.findKey(p.keyId);
    if (found === null || found.key.projectId !== access.project.id) {
      throw new AppError('not_found', 'The requested key does not exist.');
    }
    return { ...access, key: found.key };
  };
  const audit = (
    principal: Principal,
    access: ProjectAccess,
    action: string,
    before?: ProjectKey,
    after?: ProjectKey,
  ) =>
    services.audit.record(principal, {
      organizationId: access.organization.id,
      action,
      target: `project_key:${(after ?? before)?.id ?? 0}`,
      ...(before === undefined ? {} : { before: auditView(before) }),
      ...(after === undefined ? {} : { after: auditView(after) }),
    });
  return [
    defineRoute({
      method: 'GET',
      path: '/api/0/projects/:org/:project/keys/',
      summary: 'DSN keys of a project',
      tags: ['projects'],
      scope: 'project:read',
      params: projectParams,
      handler: async ({ principal, params }) => {
        const { project } = await services.access.project(
          principal,
          params.org,
          params.project,
          'project:read',
        );
        const keys = await storage.projects.listKeys(project.id);
        return keys.map((key) => serializeProjectKey(key, services.baseUrl()));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/0/projects/:org/:project/keys/',
      summary: 'Create a DSN key',
      tags: ['projects'],
      scope: 'project:write',
      status: 201,
      params: projectParams,
      body: z.object({ name: z.string().trim().min(1).max(100).optional() }),
      handler: async ({ principal, params, body }) => {
        const access = await services.access.project(principal, params.org, params.project, 'project:write');
        const key = await storage.projects.createKey({
          projectId: access.project.id,
          publicKey: randomBytes(16).toString('hex'),
          label: body.name ?? 'Default',
        });
        await audit(principal, access, 'project_key.create', undefined, key);
        return serializeProjectKey(key, services.baseUrl());
      },
    }),
    defineRoute({
      method: 'PUT',
      path: '/api/0/projects/:org/:project/keys/:keyId/',
      summary: 'Rename a key, or deactivate/reactivate it (isActive)',
      tags: ['projects'],
      scope: 'project:write',
      params: keyParams,
      body: z.object({
        name: z.string().trim().min(1).max(100).optional(),
        isActive: z.boolean().optional(),
      }),
      handler: async ({ principal, params, body }) => {
        const { key, ...access } = await keyOf(principal, params, 'project:write');
        const updated = await storage.projects.updateKey(key.id, {
          ...(body.name === undefined ? {} : { label: body.name }),
          ...(body.isActive === undefined ? {} : { isActive: body.isActive }),
        });
        if (updated === null) throw new AppError('not_found', 'The requested key does not exist.');
        options.invalidateIngestCache();
        await audit(principal, access, 'project_key.update', key, updated);
        return serializeProjectKey(updated, services.baseUrl());
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/0/projects/:org/:project/keys/:keyId/',
      summary: 'Delete a key; events sent with it are refused',
      tags: ['projects'],
      scope: 'project:admin',
      params: keyParams,
      handler: async ({ principal, params }) => {
        const { key, ...access } = await keyOf(principal, params, 'project:admin');
        await storage.projects.deleteKey(key.id);
        options.invalidateIngestCache();
        await audit(principal, access, 'project_key.remove', key);
        return undefined;
      },
    }),
  ];
}

/** The public key is in every client's DSN, not a secret; it identifies the key in the trail. */
function auditView(key: ProjectKey) {
  return { label: key.label, isActive: key.isActive, publicKey: key.publicKey };
}
