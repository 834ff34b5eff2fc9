import type { AlertIssueSummary, AlertPipelineDetails } from './alert-message.ts';
import type { PipelineAlertKind } from './alert-rule.ts';

/** Event counts of one issue in the last window, and the average per window over a longer baseline. */
export interface SpikeWindowCount {
  windowMinutes: number;
  count: number;
  baselinePerWindow: number;
}

interface TriggerBase {
  /** The issue as of this trigger; environment, release and level are the triggering event's. */
  issue: AlertIssueSummary;
  /** The triggering event's tags (empty when there is no single event). */
  tags: Record<string, string>;
  dashboardUrl: string;
}

/** Something that happened and may fire alert rules. */
export type AlertTrigger =
  | (TriggerBase & { type: 'issue_created' })
  | (TriggerBase & { type: 'issue_regressed' })
  | (TriggerBase & { type: 'event_received' })
  | (TriggerBase & { type: 'event_counts'; windows: SpikeWindowCount[] })
  | (TriggerBase & { type: 'user_report' })
  | (TriggerBase & { type: 'issue_resolved' })
  | (TriggerBase & { type: 'pipeline'; kind: PipelineAlertKind; pipeline: AlertPipelineDetails });
