import { AppError, slugify } from '@fixloop/core';
import type { Organization } from '@fixloop/core';
import { z } from 'zod';
import { fieldError } from '../accounts/field-error.ts';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import { cursorOffset, cursorQuery, linkHeader } from '../cursor-pagination.ts';
import { effectiveScopes, isSuperPrincipal } from '../principal.ts';
import { serializeOrganization } from './serialize-organization.ts';
import { slugSchema } from './slug-schema.ts';

const orgParams = z.object({ org: z.string().min(1) });

/** `/api/0/organizations/` and `/api/0/organizations/{org}/`. */
export function organizationRoutes(services: ApiServices): AnyRouteSpec[] {
  const { storage } = services;
  return [
    defineRoute({
      method: 'GET',
      path: '/api/0/organizations/',
      summary: 'Organizations the caller belongs to',
      tags: ['organizations'],
      query: z.object(cursorQuery),
      handler: async ({ principal, query, request, reply }) => {
        const visible = await services.access.visibleOrganizations(principal);
        const offset = cursorOffset(query.cursor);
        const page = visible.slice(offset, offset + query.limit);
        const url = new URL(request.url, services.baseUrl());
        reply.header(
          'link',
          linkHeader(url, { offset, limit: query.limit, hasMore: offset + query.limit < visible.length }),
        );
        return page.map(({ organization, role }) => serializeOrganization(organization, role));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/0/organizations/',
      summary: 'Create an organization (superusers only); the creator becomes its owner',
      tags: ['organizations'],
      status: 201,
      body: z.object({ name: z.string().trim().min(1).max(100), slug: slugSchema.optional() }),
      handler: async ({ principal, body }) => {
        if (!isSuperPrincipal(principal)) {
          throw new AppError('forbidden', 'Only superusers can create organizations.');
        }
        const slug = body.slug ?? slugify(body.name);
        if (slug === null) throw fieldError('slug', 'cannot be derived from the name; give one');
        const organization = await storage.projects.createOrganization({ slug, name: body.name });
        if (principal.user !== null) {
          await storage.accounts.addMember({
            organizationId: organization.id,
            userId: principal.user.id,
            role: 'owner',
          });
        }
        await services.audit.record(principal, {
          organizationId: organization.id,
          action: 'organization.create',
          target: `organization:${organization.id}`,
          after: auditView(organization),
        });
        return serializeOrganization(organization, 'owner');
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/0/organizations/:org/',
      summary: 'One organization, with the caller’s role and scopes in it',
      tags: ['organizations'],
      scope: 'org:read',
      params: orgParams,
      handler: async ({ principal, params }) => {
        const { organization, role } = await services.access.organization(principal, params.org, 'org:read');
        return serializeOrganization(organization, role, effectiveScopes(principal, organization.id));
      },
    }),
    defineRoute({
      method: 'PUT',
      path: '/api/0/organizations/:org/',
      summary: 'Rename an organization or change its slug',
      tags: ['organizations'],
      scope: 'org:write',
      params: orgParams,
      body: z.object({ name: z.string().trim().min(1).max(100).optional(), slug: slugSchema.optional() }),
      handler: async ({ principal, params, body }) => {
        const { organization, role } = await services.access.organization(principal, params.org, 'org:write');
        const updated = await storage.projects.updateOrganization(organization.id, body);
        if (updated === null) throw new AppError('not_found', 'The requested organization does not exist.');
        await services.audit.record(principal, {
          organizationId: organization.id,
          action: 'organization.update',
          target: `organization:${organization.id}`,
          before: auditView(organization),
          after: auditView(updated),
        });
        return serializeOrganization(updated, role, effectiveScopes(principal, organization.id));
      },
    }),
  ];
}

function auditView(organization: Organization) {
  return { slug: organization.slug, name: organization.name };
}
