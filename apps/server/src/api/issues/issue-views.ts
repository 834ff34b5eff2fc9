import { DEFAULT_WORKFLOW_STATE } from '@fixloop/core';
import type { Issue, IssueAssignee, Organization, Project } from '@fixloop/core';
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
  statsPeriods: IssueStatsPeriod[],
): Promise<IssueJson[]> {
  if (issues.length === 0) return [];
  const { storage } = services;
  const ids = issues.map((i) => i.id);
  const [projects, states] = await Promise.all([
    storage.projects.listProjects(organization.id),
    storage.issueWorkflow.getStates(ids, principal.user?.id ?? null),
  ]);
  const projectById = new Map(projects.map((p) => [p.id, p]));
  const actors = await assigneeActors(
    services,
    organization.id,
    [...states.values()].map((s) => s.assignee),
  );
  const stats = new Map<number, Record<string, [number, number][]>>();
  for (const period of statsPeriods) {
    const window = statsWindow(period, services.clock.now());
    const counts = await storage.issues.issueStats({ issueIds: ids, ...window });
    for (const id of ids) {
      const series = toStatsSeries(window, counts.get(id) ?? new Array<number>(window.buckets).fill(0));
      stats.set(id, { ...stats.get(id), [period]: series });
    }
  }
  return issues.flatMap((issue) => {
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
