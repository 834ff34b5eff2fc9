import type { Project, StoredEvent } from '@fixloop/core';
import type { ApiServices } from '../api-route.ts';
import { effectiveScopes } from '../principal.ts';
import type { Principal } from '../principal.ts';
import { LEVEL_OF, severityOfLevel } from './log-event.ts';
import type { LogSeverity } from './log-event.ts';

/** Events looked at per request when filtering by service/source, so a rare value cannot scan forever. */
const MAX_SCAN = 2_000;
const PAGE = 200;

export interface RecentErrorJson {
  id: string;
  issueId: string;
  projectId: string;
  project: string;
  timestamp: string;
  receivedAt: string;
  severity: LogSeverity;
  level: string;
  source: string | null;
  service: string | null;
  path_or_screen: string | null;
  user_email: string | null;
  message: string;
  title: string;
  culprit: string;
  issueUrl: string;
}

interface RecentQuery {
  limit: number;
  severity?: LogSeverity | undefined;
  service?: string | undefined;
  source?: string | undefined;
  project?: string | undefined;
}

/** Projects of every organization where the principal may read events (optionally one, by slug or id). */
async function readableProjects(services: ApiServices, principal: Principal, wanted: string | undefined) {
  const out: { project: Project; orgSlug: string }[] = [];
  for (const { organization } of await services.access.visibleOrganizations(principal)) {
    if (!effectiveScopes(principal, organization.id).has('event:read')) continue;
    for (const project of await services.storage.projects.listProjects(organization.id)) {
      if (wanted === undefined || project.slug === wanted || String(project.id) === wanted) {
        out.push({ project, orgSlug: organization.slug });
      }
    }
  }
  return out;
}

/** Newest events first, filtered by severity (SQL), then service/source (issue tags, then the event's own). */
export async function recentErrors(
  services: ApiServices,
  principal: Principal,
  query: RecentQuery,
): Promise<RecentErrorJson[]> {
  const projects = await readableProjects(services, principal, query.project);
  const byId = new Map(projects.map((p) => [p.project.id, p]));
  const issueTags = [
    ...(query.service === undefined ? [] : [{ key: 'service', value: query.service }]),
    ...(query.source === undefined ? [] : [{ key: 'source', value: query.source }]),
  ];
  const matches = (e: StoredEvent) => issueTags.every((t) => e.tags[t.key] === t.value);
  const found: StoredEvent[] = [];
  for (let offset = 0; found.length < query.limit && offset < MAX_SCAN; offset += PAGE) {
    const page = await services.storage.events.listRecentEvents({
      projectIds: [...byId.keys()],
      limit: PAGE,
      offset,
      ...(query.severity === undefined ? {} : { levels: [LEVEL_OF[query.severity]] }),
      issueTags,
    });
    found.push(...page.filter(matches));
    if (page.length < PAGE) break;
  }
  return found.slice(0, query.limit).map((e) => {
    const where = byId.get(e.projectId);
    const payload = e.payload;
    const user =
      typeof payload['user'] === 'object' && payload['user'] !== null
        ? (payload['user'] as Record<string, unknown>)
        : {};
    return {
      id: e.eventId,
      issueId: String(e.issueId),
      projectId: String(e.projectId),
      project: where?.project.slug ?? '',
      timestamp: e.timestamp.toISOString(),
      receivedAt: e.receivedAt.toISOString(),
      severity: severityOfLevel(e.level),
      level: e.level,
      source: e.tags['source'] ?? null,
      service: e.tags['service'] ?? e.tags['server_name'] ?? null,
      path_or_screen: typeof payload['transaction'] === 'string' ? payload['transaction'] : null,
      user_email: typeof user['email'] === 'string' ? user['email'] : null,
      message: e.message,
      title: e.title,
      culprit: e.culprit,
      issueUrl: `${services.baseUrl()}/organizations/${where?.orgSlug ?? ''}/issues/${e.issueId}/`,
    };
  });
}
