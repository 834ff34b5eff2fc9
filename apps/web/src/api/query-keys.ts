import type { IssueListParams } from './issue-list-params.ts';

/** Every query key in one place, so mutations invalidate exactly what they change. */
export const queryKeys = {
  session: ['session'] as const,
  projects: (org: string) => ['org', org, 'projects'] as const,
  issues: (org: string, params: IssueListParams) => ['org', org, 'issues', params] as const,
  issueLists: (org: string) => ['org', org, 'issues'] as const,
  issue: (id: string) => ['issue', id] as const,
  issueEvent: (id: string, eventId: string) => ['issue', id, 'event', eventId] as const,
  issueEvents: (id: string) => ['issue', id, 'events'] as const,
  timeline: (org: string, project: string, eventId: string) => ['timeline', org, project, eventId] as const,
  comments: (id: string) => ['issue', id, 'comments'] as const,
  activities: (id: string) => ['issue', id, 'activities'] as const,
  issueTags: (id: string) => ['issue', id, 'tags'] as const,
  statsSummary: (org: string, period: string, project: string) =>
    ['org', org, 'stats-summary', period, project] as const,
  errorTrend: (org: string, period: string, project: string) =>
    ['org', org, 'trend', period, project] as const,
  members: (org: string) => ['org', org, 'members'] as const,
  apiTokens: ['api-tokens'] as const,
  projectDetails: (org: string, project: string) => ['project', org, project] as const,
  autofix: (org: string) => ['org', org, 'autofix'] as const,
  aiSettings: (org: string) => ['org', org, 'ai'] as const,
  health: ['health'] as const,
  investigations: (org: string) => ['org', org, 'investigations'] as const,
  issueInvestigations: (id: string) => ['issue', id, 'investigations'] as const,
  fixes: (org: string, status: string) => ['org', org, 'fixes', status] as const,
  fix: (id: string) => ['fix', id] as const,
};
