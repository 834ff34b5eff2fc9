import { DEFAULT_WORKFLOW_STATE } from '@fixloop/core';
import type { Issue, IssueAssignee, IssueEnvironmentTotals, Organization, Project } from '@fixloop/core';
import type { ApiServices } from '../api-route.ts';
import type { Principal } from '../principal.ts';
import { serializeIssue } from './serialize-issue.ts';
import type { ActorJson, IssueJson } from './serialize-issue.ts';
import { statsWindow, toStatsSeries } from './issue-stats-window.ts';
import type { IssueStatsPeriod } from './issue-stats-window.ts';

/**
 * Serializes a page of issues of one organization with a fixed number of queries, whatever the page
 * size: projects, workflow states, assignees and each stats period are loaded once for all issues.
 */
export async function issueViews(
  services: ApiServices,
  principal: Principal,
  organization: Organization,
  issues: Issue[],
  statsPeriods: StatsRequest[],
  environments: string[] = [],
): Promise<IssueJson[]> {
  if (issues.length === 0) return [];
  const { storage } = services;
  const ids = issues.map((i) => i.id);
  const [projects, states, totals] = await Promise.all([
    storage.projects.listProjects(organization.id),
    storage.issueWorkflow.getStates(ids, principal.user?.id ?? null),
    environments.length === 0 ? null : storage.issues.issueEnvironmentTotals(ids, environments),
  ]);
  const projectById = new Map(projects.map((p) => [p.id, p]));
  const actors = await assigneeActors(
    services,
    organization.id,
    [...states.values()].map((s) => s.assignee),
  );
  const stats = new Map<number, Record<string, [number, number][]>>();
  for (const request of statsPeriods) {
    const { key, period } = typeof request === 'string' ? { key: request, period: request } : request;
    const window = statsWindow(period, services.clock.now());
    const counts = await storage.issues.issueStats({ issueIds: ids, ...window, environments });
    for (const id of ids) {
      const series = toStatsSeries(window, counts.get(id) ?? new Array<number>(window.buckets).fill(0));
      stats.set(id, { ...stats.get(id), [key]: series });
    }
  }
  return issues.flatMap((listed) => {
    const issue = totals === null ? listed : inEnvironments(listed, totals.get(listed.id));
    const project: Project | undefined = projectById.get(issue.projectId);
    if (project === undefined) return [];
    const state = states.get(issue.id) ?? DEFAULT_WORKFLOW_STATE;
    return [
      serializeIssue(issue, {
        organization,
        project,
        state,
        assignedTo: state.assignee === null ? null : (actors.get(actorKey(state.assignee)) ?? null),
        baseUrl: services.baseUrl(),
        ...(statsPeriods.length === 0 ? {} : { stats: stats.get(issue.id) ?? {} }),
      }),
    ];
  });
}

/** A stats series under `key` (Sentry answers `groupStatsPeriod=auto` as `stats.auto`). */
export type StatsRequest = IssueStatsPeriod | { key: string; period: IssueStatsPeriod };

/**
 * Under `?environment=` Sentry's count, userCount and first/last seen are those of the events in
 * these environments; an issue without any there (they may have aged out) counts zero.
 */
function inEnvironments(issue: Issue, totals: IssueEnvironmentTotals | undefined): Issue {
  if (totals === undefined) return { ...issue, timesSeen: 0, userCount: 0 };
  const { count, userCount, firstSeen, lastSeen } = totals;
  return { ...issue, timesSeen: count, userCount, firstSeen, lastSeen };
}

const actorKey = (a: IssueAssignee) => `${a.type}:${a.id}`;

/** Users and teams that issues are assigned to, as actors; gone ones are left out. */
export async function assigneeActors(
  services: ApiServices,
  organizationId: number,
  assignees: (IssueAssignee | null)[],
): Promise<Map<string, ActorJson>> {
  const out = new Map<string, ActorJson>();
  const distinct = new Map(assignees.flatMap((a) => (a === null ? [] : [[actorKey(a), a] as const])));
  const wantsTeams = [...distinct.values()].some((a) => a.type === 'team');
  const teams = wantsTeams ? await services.storage.teams.listTeams(organizationId) : [];
  for (const [key, assignee] of distinct) {
    if (assignee.type === 'team') {
      const team = teams.find((t) => t.id === assignee.id);
      if (team !== undefined) out.set(key, { type: 'team', id: String(team.id), name: team.slug });
      continue;
    }
    const user = await services.storage.accounts.getUser(assignee.id);
    if (user !== null)
      out.set(key, { type: 'user', id: String(user.id), name: user.name, email: user.email });
  }
  return out;
}
