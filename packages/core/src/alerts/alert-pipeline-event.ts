import type { AlertPipelineDetails } from './alert-message.ts';
import type { PipelineAlertKind } from './alert-rule.ts';

/** A step of the investigation/autofix pipeline about one issue, as published to alerting. */
export interface AlertPipelineEvent {
  id: number;
  issueId: number;
  projectId: number;
  kind: PipelineAlertKind;
  details: AlertPipelineDetails;
  createdAt: Date;
}

/** Where the alerts about an issue are threaded in one Slack channel (the first alert's `ts`). */
export interface SlackThread {
  issueId: number;
  alertChannelId: number;
  slackChannel: string;
  ts: string;
  createdAt: Date;
}
