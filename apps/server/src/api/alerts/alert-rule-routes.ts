import { AppError } from '@fixloop/core';
import type { AlertRuleChannelRef, AlertRuleRecord } from '@fixloop/core';
import { alertRuleSchema } from '@fixloop/notifiers/alert-rule-schema';
import { z } from 'zod';
import { ensureDefaultRules } from '../../alerts/project-alert-rules.ts';
import type { ProjectAccess } from '../api-access.ts';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import type { Principal } from '../principal.ts';
import { serializeAlertRule } from './serialize-alert-rule.ts';

const projectParams = z.object({ org: z.string().min(1), project: z.string().min(1) });
const ruleParams = projectParams.extend({ ruleId: z.string().regex(/^\d+$/, 'must be a rule id') });
const ruleBody = alertRuleSchema.omit({ id: true });
// Without their defaults: zod applies a default even to an optional field, so an update naming only the
// name would otherwise re-enable the rule and reset its filters, throttle and snooze.
const { enabled, filters, throttle, snoozedUntil } = ruleBody.shape;
const ruleUpdateBody = ruleBody
  .extend({
    enabled: enabled.unwrap(),
    filters: filters.unwrap(),
    throttle: throttle.unwrap(),
    snoozedUntil: snoozedUntil.unwrap(),
  })
  .partial();

/** `/api/0/projects/{org}/{project}/alert-rules/`: what fires, with which filters, to which channels. */
export function alertRuleRoutes(services: ApiServices): AnyRouteSpec[] {
  const { storage } = services;
  const ruleOf = async (
    principal: Principal,
    params: z.infer<typeof ruleParams>,
    scope: 'project:read' | 'project:write',
  ) => {
    const access = await services.access.project(principal, params.org, params.project, scope);
    const rule = await storage.alerts.getRule(Number(params.ruleId));
    // The project's own rules and its organization's (config-file) rules, which apply to it too.
    const applies =
      rule !== null &&
      rule.organizationId === access.organization.id &&
      (rule.projectId === null || rule.projectId === access.project.id);
    if (!applies) throw new AppError('not_found', 'The requested alert rule does not exist.');
    if (scope === 'project:write' && rule.source === 'config') {
      throw new AppError('conflict', 'This rule is managed by the config file; change it there.');
    }
    return { access, rule };
  };
  /** Channel ids must be channels of the rule's own organization. */
  const checkChannels = async (access: ProjectAccess, refs: AlertRuleChannelRef[] | undefined) => {
    if (refs === undefined) return;
    const ids = new Set(
      (await storage.alerts.listChannels({ organizationId: access.organization.id })).map((c) =>
        String(c.id),
      ),
    );
    refs.forEach((ref, i) => {
      if ('channelId' in ref && !ids.has(ref.channelId)) {
        const message = `no alert channel ${ref.channelId} in this organization`;
        throw new AppError('bad_request', `Invalid body field "channels.${i}": ${message}`, {
          fields: { [`channels.${i}`]: [message] },
        });
      }
    });
  };
  const audit = (
    principal: Principal,
    access: ProjectAccess,
    action: string,
    before?: AlertRuleRecord,
    after?: AlertRuleRecord,
  ) =>
    services.audit.record(principal, {
      organizationId: access.organization.id,
      action,
      target: `alert_rule:${(after ?? before)?.id ?? 0}`,
      ...(before ? { before: serializeAlertRule(before, access.project.slug) } : {}),
      ...(after ? { after: serializeAlertRule(after, access.project.slug) } : {}),
    });
  return [
    defineRoute({
      method: 'GET',
      path: '/api/0/projects/:org/:project/alert-rules/',
      summary: "Alert rules of a project and its organization's (the defaults are seeded on first use)",
      tags: ['alerts'],
      scope: 'project:read',
      params: projectParams,
      handler: async ({ principal, params }) => {
        const { project } = await services.access.project(
          principal,
          params.org,
          params.project,
          'project:read',
        );
        await ensureDefaultRules(storage, project, services.clock.now());
        const rules = await storage.alerts.listRules({
          organizationId: project.organizationId,
          projectId: project.id,
          withOrganizationRules: true,
        });
        return rules.map((rule) => serializeAlertRule(rule, rule.projectId === null ? null : project.slug));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/0/projects/:org/:project/alert-rules/',
      summary: 'Create an alert rule',
      tags: ['alerts'],
      scope: 'project:write',
      status: 201,
      params: projectParams,
      body: ruleBody,
      handler: async ({ principal, params, body }) => {
        const access = await services.access.project(principal, params.org, params.project, 'project:write');
        await checkChannels(access, body.channels);
        const rule = await storage.alerts.createRule({
          ...body,
          filters: { ...body.filters, projectIds: [access.project.id] },
          organizationId: access.organization.id,
          projectId: access.project.id,
          key: null,
          source: 'api',
          at: services.clock.now(),
        });
        await audit(principal, access, 'alert_rule.create', undefined, rule);
        return serializeAlertRule(rule, access.project.slug);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/0/projects/:org/:project/alert-rules/:ruleId/',
      summary: 'One alert rule',
      tags: ['alerts'],
      scope: 'project:read',
      params: ruleParams,
      handler: async ({ principal, params }) => {
        const { access, rule } = await ruleOf(principal, params, 'project:read');
        return serializeAlertRule(rule, rule.projectId === null ? null : access.project.slug);
      },
    }),
    defineRoute({
      method: 'PUT',
      path: '/api/0/projects/:org/:project/alert-rules/:ruleId/',
      summary: 'Update an alert rule (fields left out are kept)',
      tags: ['alerts'],
      scope: 'project:write',
      params: ruleParams,
      body: ruleUpdateBody,
      handler: async ({ principal, params, body }) => {
        const { access, rule } = await ruleOf(principal, params, 'project:write');
        await checkChannels(access, body.channels);
        const { filters, ...rest } = body;
        const updated = await storage.alerts.updateRule(rule.id, {
          ...rest,
          ...(filters !== undefined ? { filters: { ...filters, projectIds: [access.project.id] } } : {}),
          at: services.clock.now(),
        });
        if (updated === null) throw new AppError('not_found', 'The requested alert rule does not exist.');
        await audit(principal, access, 'alert_rule.update', rule, updated);
        return serializeAlertRule(updated, access.project.slug);
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/0/projects/:org/:project/alert-rules/:ruleId/',
      summary: 'Delete an alert rule',
      tags: ['alerts'],
      scope: 'project:write',
      params: ruleParams,
      handler: async ({ principal, params }) => {
        const { access, rule } = await ruleOf(principal, params, 'project:write');
        await storage.alerts.deleteRule(rule.id);
        await audit(principal, access, 'alert_rule.delete', rule);
        return undefined;
      },
    }),
  ];
}
