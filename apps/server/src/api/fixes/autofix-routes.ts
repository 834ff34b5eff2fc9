import { autofixConfigSchema } from '@fixloop/config';
import { AppError, autofixAvailability, mergeAutofixSettings, redactAutofixSettings } from '@fixloop/core';
import type { AutofixSwitchScope, Project } from '@fixloop/core';
import { z } from 'zod';
import { AUTOFIX_SYNC_JOB, repositoryConcurrencyKey } from '../../autofix/autofix-job-kinds.ts';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import { effectiveScopes, isSuperPrincipal, principalLabel, type Principal } from '../principal.ts';
import { assertCanActOnFixes, fixActorFor } from './fix-principal.ts';
import { serializeFix } from './serialize-fix.ts';

const tags = ['fixes'];
const switchBody = z.object({ enabled: z.boolean() });
const projectBody = autofixConfigSchema.omit({ enabled: true }).extend({ enabled: z.boolean().optional() });
const SECURITY_KEYS = [
  'policy',
  'botPermission',
  'agents',
  'github',
  'push',
  'botIdentity',
  'triggerRules',
  'maxLlmRounds',
];

/** Starting attempts, the kill switches (instance, organization, project) and project autofix settings. */
export function autofixRoutes(services: ApiServices): AnyRouteSpec[] {
  const { storage, access } = services;
  const switchOf = async (scope: AutofixSwitchScope, id: number) => (await storage.fixes.getSwitch(scope, id))?.enabled ?? true; // prettier-ignore
  const setSwitch = async (
    principal: Principal,
    scope: AutofixSwitchScope,
    scopeId: number,
    enabled: boolean,
    organizationId: number | null,
  ) => {
    // prettier-ignore
    const before = await switchOf(scope, scopeId);
    await storage.fixes.setSwitch({ scope, scopeId, enabled, updatedBy: principalLabel(principal), updatedAt: services.clock.now() }); // prettier-ignore
    await services.audit.record(principal, { organizationId, action: 'autofix.switch', target: `autofix:${scope}:${scopeId}`, before: { enabled: before }, after: { enabled } }); // prettier-ignore
  };
  const projectJson = async (project: Project) => {
    const switches = await services.autofix.factory.switches.read(project.id);
    const availability = autofixAvailability(project, switches);
    return {
      enabled: await switchOf('project', project.id),
      active: availability.available,
      reason: availability.available ? null : availability.reason,
      organizationEnabled: await switchOf('organization', project.organizationId),
      instanceEnabled: await switchOf('instance', 0),
      repository: project.settings.repository === null ? null : { url: withoutCredentials(project.settings.repository.url), baseBranch: project.settings.repository.baseBranch ?? null, fixBranch: project.settings.repository.fixBranch ?? 'fixloop' }, // prettier-ignore
      settings: redactAutofixSettings(project.settings.autofix),
      attempts: await storage.fixes.countByState([project.id]),
    };
  };
  const projectParams = z.object({ org: z.string(), project: z.string() });
  return [
    defineRoute({
      method: 'POST',
      path: '/api/0/issues/:issueId/autofix/',
      summary:
        'Start a fix attempt for an issue now; with dryRun it verifies and shows the diff without committing',
      tags,
      scope: 'project:write',
      params: z.object({ issueId: z.coerce.number().int().positive() }),
      body: z.object({ dryRun: z.boolean().default(false) }).default({ dryRun: false }),
      status: 202,
      handler: async ({ params, body, principal, reply }) => {
        const issueAccess = await access.issue(principal, params.issueId, 'event:read');
        assertCanActOnFixes(principal, issueAccess.organization.id);
        const availability = autofixAvailability(issueAccess.project, await services.autofix.factory.switches.read(issueAccess.project.id)); // prettier-ignore
        if (!availability.available)
          throw new AppError('conflict', `autofix cannot start: ${availability.reason}`);
        const actor = fixActorFor(principal, issueAccess.role);
        const { attempt, created } = await services.autofix.starter.start({ issue: issueAccess.issue, project: issueAccess.project, trigger: body.dryRun ? 'dry_run' : 'manual', actor, reason: body.dryRun ? 'dry run requested' : 'requested' }); // prettier-ignore
        if (!created) reply.code(200);
        else await services.audit.record(principal, { organizationId: issueAccess.organization.id, action: 'fix.request', target: `issue:${issueAccess.issue.id}`, after: { fixId: attempt.id, dryRun: body.dryRun } }); // prettier-ignore
        return serializeFix(attempt, { issue: issueAccess.issue, project: issueAccess.project, events: await storage.fixes.listEvents(attempt.id) }); // prettier-ignore
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/0/organizations/:org/autofix/',
      summary: "The organization's autofix kill switch, the attempts per state and the worker queue",
      tags,
      scope: 'event:read',
      params: z.object({ org: z.string() }),
      handler: async ({ params, principal }) => {
        const { organization } = await access.organization(principal, params.org, 'event:read');
        const projects = await storage.projects.listProjects(organization.id);
        return {
          enabled: await switchOf('organization', organization.id),
          instanceEnabled: await switchOf('instance', 0),
          attempts: await storage.fixes.countByState(projects.map((p) => p.id)),
          worker: jobStats(await storage.jobs.stats(services.clock.now()), services.clock.now()),
        };
      },
    }),
    defineRoute({
      method: 'PUT',
      path: '/api/0/organizations/:org/autofix/',
      summary: "Turn the organization's autofix kill switch on or off (org:write)",
      tags,
      scope: 'org:write',
      params: z.object({ org: z.string() }),
      body: switchBody,
      handler: async ({ params, body, principal }) => {
        const { organization } = await access.organization(principal, params.org, 'org:write');
        await setSwitch(principal, 'organization', organization.id, body.enabled, organization.id);
        return { enabled: body.enabled, instanceEnabled: await switchOf('instance', 0) };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/0/projects/:org/:project/autofix/',
      summary: "A project's autofix: its kill switch, whether attempts can start, and its settings",
      tags,
      scope: 'event:read',
      params: projectParams,
      handler: async ({ params, principal }) => {
        const { project } = await access.project(principal, params.org, params.project, 'event:read');
        return projectJson(project);
      },
    }),
    defineRoute({
      method: 'PUT',
      path: '/api/0/projects/:org/:project/autofix/',
      summary:
        "Set a project's kill switch (`enabled`) and autofix settings (policy and agents need project:admin)",
      tags,
      scope: 'project:write',
      params: projectParams,
      body: projectBody,
      handler: async ({ params, body, principal }) => {
        const { project, organization } = await access.project(
          principal,
          params.org,
          params.project,
          'event:read',
        );
        assertCanActOnFixes(principal, organization.id);
        const { enabled, ...settings } = body;
        if (
          Object.keys(settings).some((key) => SECURITY_KEYS.includes(key)) &&
          !effectiveScopes(principal, organization.id).has('project:admin')
        ) {
          throw new AppError('forbidden', 'Changing autofix settings needs project:admin (turning the switch on or off does not).'); // prettier-ignore
        }
        if (enabled !== undefined)
          await setSwitch(principal, 'project', project.id, enabled, organization.id);
        let current = project;
        if (Object.keys(settings).length > 0) {
          const merged = mergeAutofixSettings(project.settings.autofix, settings);
          current = (await storage.projects.updateProject(project.id, { settings: { ...project.settings, autofix: merged } })) ?? project; // prettier-ignore
          await services.audit.record(principal, { organizationId: organization.id, action: 'autofix.settings', target: `project:${project.id}`, before: redactAutofixSettings(project.settings.autofix), after: redactAutofixSettings(merged) }); // prettier-ignore
        }
        return projectJson(current);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/0/projects/:org/:project/autofix/sync/',
      summary:
        'Sync the fix branch now: fetch, reset after a merge, regenerate, retry pushes, read check runs',
      tags,
      scope: 'project:write',
      params: projectParams,
      status: 202,
      handler: async ({ params, principal }) => {
        const { project, organization } = await access.project(
          principal,
          params.org,
          params.project,
          'event:read',
        );
        assertCanActOnFixes(principal, organization.id);
        if (project.settings.repository === null)
          throw new AppError('conflict', 'the project has no repository');
        const jobId = await storage.jobs.enqueue({ kind: AUTOFIX_SYNC_JOB, payload: { projectId: project.id }, concurrencyKey: repositoryConcurrencyKey(project.id), maxAttempts: 1 }); // prettier-ignore
        services.wakeWorker();
        await services.audit.record(principal, { organizationId: organization.id, action: 'autofix.sync', target: `project:${project.id}`, after: { jobId } }); // prettier-ignore
        return { jobId: String(jobId) };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/0/autofix/',
      summary: 'The instance-wide autofix kill switch (superusers)',
      tags,
      handler: async ({ principal }) => {
        if (!isSuperPrincipal(principal))
          throw new AppError('forbidden', 'Only superusers see the instance switch.');
        return { enabled: await switchOf('instance', 0) };
      },
    }),
    defineRoute({
      method: 'PUT',
      path: '/api/0/autofix/',
      summary: 'Turn autofix off (or on) for the whole instance (superusers)',
      tags,
      body: switchBody,
      handler: async ({ body, principal }) => {
        if (!isSuperPrincipal(principal))
          throw new AppError('forbidden', 'Only superusers set the instance switch.');
        await setSwitch(principal, 'instance', 0, body.enabled, null);
        return { enabled: body.enabled };
      },
    }),
  ];
}

function jobStats(
  stats: {
    pending: number;
    running: number;
    failed: number;
    oldestDueAt: Date | null;
    lastFinishedAt: Date | null;
  },
  now: Date,
) {
  // prettier-ignore
  return {
    pending: stats.pending,
    running: stats.running,
    failed: stats.failed,
    lagMs: stats.oldestDueAt === null ? 0 : Math.max(0, now.getTime() - stats.oldestDueAt.getTime()),
    lastFinishedAt: stats.lastFinishedAt?.toISOString() ?? null,
  };
}

function withoutCredentials(url: string): string {
  return url.replace(/^(https?:\/\/)[^@/]+@/, '$1');
}
