import type { ErrorClass, Level, Severity } from '../events/event-types.ts';
import type { ChannelKind } from './channel-kind.ts';

export const PIPELINE_ALERT_KINDS = [
  'investigation_done',
  'fix_committed',
  'needs_review',
  'escalation',
  'fix_tests_failed',
] as const;
export type PipelineAlertKind = (typeof PIPELINE_ALERT_KINDS)[number];

export type ScheduledReport = 'daily_summary' | 'weekly_report' | 'critical_check';

/**
 * What makes a rule fire. A union so that health and uptime triggers can be added as new members
 * without touching the existing ones.
 */
export type AlertRuleTrigger =
  | { type: 'new_issue' }
  | { type: 'regression' }
  /** `minEvents` or more in the window, and at least `ratio` times the baseline per window. */
  | { type: 'spike'; windowMinutes: number; minEvents: number; ratio: number }
  /** Any event of level fatal, or of an issue whose severity is blocking. */
  | { type: 'critical_event' }
  | { type: 'user_report' }
  /** The issue was resolved: lets PagerDuty close its incident and chat threads say so. */
  | { type: 'resolved' }
  | { type: 'pipeline'; events: PipelineAlertKind[] }
  /** A recurring report; run by the scheduler, never by `evaluateAlertRules`. */
  | { type: 'schedule'; cron: string; report: ScheduledReport };

/** Empty or absent lists match everything; every present filter must match. */
export interface AlertRuleFilters {
  projectIds?: number[];
  environments?: string[];
  levels?: Level[];
  severities?: Severity[];
  errorClasses?: ErrorClass[];
  /** Every listed tag must be present with this value. */
  tags?: Record<string, string>;
  /** Exact releases, or a prefix ending in `*` (`2.1.*`). */
  releases?: string[];
}

/** A channel by id, or every enabled channel of a kind (what the seeded defaults use). */
export type AlertRuleChannelRef = { channelId: string } | { channelKind: ChannelKind };

export interface AlertRuleThrottle {
  /** At most one alert per issue per rule in this window. */
  windowMinutes: number;
  /** More alerts than this from the rule in one window are folded into a digest. */
  digestThreshold: number;
}

export const DEFAULT_ALERT_THROTTLE: AlertRuleThrottle = { windowMinutes: 30, digestThreshold: 10 };

export interface AlertRule {
  id: string;
  name: string;
  enabled: boolean;
  triggers: AlertRuleTrigger[];
  filters: AlertRuleFilters;
  channels: AlertRuleChannelRef[];
  throttle: AlertRuleThrottle;
  /** Muted until this moment; null when not muted. */
  snoozedUntil: Date | null;
}
