import { DEFAULT_ALERT_THROTTLE, type AlertRule } from './alert-rule.ts';

/**
 * The rules a new project starts with, reproducing the seed systems: a new blocking issue goes to Slack and
 * Telegram at once, critical events are collected every 10 minutes for Telegram, and a daily summary is
 * e-mailed at 09:00 UTC. Channels are referenced by kind, so they apply to whatever channels get configured.
 */
export function defaultAlertRules(projectId: number): AlertRule[] {
  const base = { enabled: true, snoozedUntil: null, throttle: DEFAULT_ALERT_THROTTLE };
  return [
    {
      ...base,
      id: `project-${projectId}-new-blocking-issue`,
      name: 'New blocking issue',
      triggers: [{ type: 'new_issue' }],
      filters: { projectIds: [projectId], severities: ['blocking'] },
      channels: [{ channelKind: 'slack' }, { channelKind: 'telegram' }],
    },
    {
      ...base,
      id: `project-${projectId}-critical-check`,
      name: 'Critical events (every 10 minutes)',
      triggers: [{ type: 'schedule', cron: '*/10 * * * *', report: 'critical_check' }],
      filters: { projectIds: [projectId], severities: ['blocking'] },
      channels: [{ channelKind: 'telegram' }],
      throttle: { windowMinutes: 10, digestThreshold: DEFAULT_ALERT_THROTTLE.digestThreshold },
    },
    {
      ...base,
      id: `project-${projectId}-daily-summary`,
      name: 'Daily summary',
      triggers: [{ type: 'schedule', cron: '0 9 * * *', report: 'daily_summary' }],
      filters: { projectIds: [projectId] },
      channels: [{ channelKind: 'email' }],
    },
  ];
}
