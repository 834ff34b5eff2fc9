import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './api-client.ts';
import { apiGetOptional } from './api-get-optional.ts';
import type { ChannelKind } from './use-alert-channels.ts';

export const PIPELINE_EVENTS = [
  'investigation_done',
  'fix_committed',
  'needs_review',
  'escalation',
  'fix_tests_failed',
] as const;
export const SCHEDULED_REPORTS = ['daily_summary', 'weekly_report', 'critical_check'] as const;

export type AlertTrigger =
  | { type: 'new_issue' | 'regression' | 'critical_event' | 'user_report' | 'resolved' }
  | { type: 'spike'; windowMinutes: number; minEvents: number; ratio: number }
  | { type: 'pipeline'; events: string[] }
  | { type: 'schedule'; cron: string; report: (typeof SCHEDULED_REPORTS)[number] };

export interface AlertRuleFilters {
  projectIds?: number[];
  environments?: string[];
  levels?: string[];
  severities?: string[];
  errorClasses?: string[];
  tags?: Record<string, string>;
  releases?: string[];
}

export type AlertRuleChannelRef = { channelId: string } | { channelKind: ChannelKind };

/** GET /projects/{org}/{project}/alert-rules/: the project's rules and its organization's (`project: null`). */
export interface AlertRule {
  id: string;
  name: string;
  enabled: boolean;
  source: 'api' | 'config' | 'default';
  key: string | null;
  project: string | null;
  triggers: AlertTrigger[];
  filters: AlertRuleFilters;
  channels: AlertRuleChannelRef[];
  throttle: { windowMinutes: number; digestThreshold: number };
  snoozedUntil: string | null;
}

export type AlertRuleInput = Partial<
  Pick<AlertRule, 'name' | 'enabled' | 'triggers' | 'filters' | 'channels' | 'throttle'>
>;

const base = (org: string, project: string) =>
  `/api/0/projects/${encodeURIComponent(org)}/${encodeURIComponent(project)}/alert-rules/`;
const one = (org: string, project: string, id: string) => `${base(org, project)}${encodeURIComponent(id)}/`;
const key = (org: string, project: string) => ['project', org, project, 'alert-rules'] as const;

/** null when the server has no alerting API. */
export function useAlertRules(org: string, project: string) {
  return useQuery({
    queryKey: key(org, project),
    queryFn: ({ signal }) => apiGetOptional<AlertRule[]>(base(org, project), undefined, signal),
    enabled: project !== '',
  });
}

function useRuleMutation<V>(org: string, project: string, request: (variables: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(org, project) }),
  });
}

export function useCreateAlertRule(org: string, project: string) {
  return useRuleMutation(org, project, async (body: AlertRuleInput) =>
    apiRequest<AlertRule>(base(org, project), { method: 'POST', body }),
  );
}

/** PUT changes only the fields it names. */
export function useUpdateAlertRule(org: string, project: string) {
  return useRuleMutation(org, project, async ({ id, body }: { id: string; body: AlertRuleInput }) =>
    apiRequest<AlertRule>(one(org, project, id), { method: 'PUT', body }),
  );
}

export function useDeleteAlertRule(org: string, project: string) {
  return useRuleMutation(org, project, async (id: string) =>
    apiRequest<null>(one(org, project, id), { method: 'DELETE' }),
  );
}
