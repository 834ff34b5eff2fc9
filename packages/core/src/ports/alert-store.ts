import type { AlertChannel, AlertChannelPatch, NewAlertChannel } from '../alerts/alert-channel.ts';
import type {
  AlertDeliveryEntry,
  AlertDeliveryPatch,
  AlertDeliveryState,
  NewAlertDelivery,
} from '../alerts/alert-delivery-entry.ts';
import type { AlertPipelineEvent, SlackThread } from '../alerts/alert-pipeline-event.ts';
import type { AlertRulePatch, AlertRuleRecord, NewAlertRuleRecord } from '../alerts/alert-rule-record.ts';
import type { ChannelKind } from '../alerts/channel-kind.ts';
import type { PeriodStats } from '../alerts/period-stats.ts';
import type { StoredUserReport } from './event-store.ts';

export interface AlertStateEntry {
  key: string;
  value: unknown;
  /** Bumped by every write; compare-and-set makes several instances agree. */
  version: number;
}

/** Events of one issue in a window. */
export interface IssueWindowActivity {
  issueId: number;
  projectId: number;
  events: number;
  /** The newest event in the window. */
  lastEventId: string;
}

/** An issue was resolved (any way: API, dashboard, release, commit, chat command), from its activity log. */
export interface IssueResolution {
  /** The activity entry's id: the cursor. */
  id: number;
  issueId: number;
  projectId: number;
  createdAt: Date;
}

export interface DeliveryQuery {
  organizationId: number;
  channelId?: number;
  status?: AlertDeliveryState;
  issueId?: number;
  limit: number;
  offset: number;
}

/** Channels, rules, the delivery log and the shared throttle state of alerting, plus its read queries. */
export interface AlertStore {
  /** A name taken in the organization is a `conflict` AppError. */
  createChannel(input: NewAlertChannel): Promise<AlertChannel>;
  getChannel(id: number): Promise<AlertChannel | null>;
  /** In id order; every organization when `organizationId` is omitted. */
  listChannels(query: {
    organizationId?: number;
    kind?: ChannelKind;
    enabledOnly?: boolean;
  }): Promise<AlertChannel[]>;
  updateChannel(id: number, patch: AlertChannelPatch): Promise<AlertChannel | null>;
  deleteChannel(id: number): Promise<boolean>;

  /** A `key` taken in the organization is a `conflict` AppError. */
  createRule(input: NewAlertRuleRecord): Promise<AlertRuleRecord>;
  /** Inserts a keyed rule (defaults, config file) unless that key exists; true when it inserted. */
  insertRuleIfAbsent(input: NewAlertRuleRecord & { key: string }): Promise<boolean>;
  getRule(id: number): Promise<AlertRuleRecord | null>;
  /**
   * In id order. `projectId` number: that project's rules (plus the organization-wide ones when
   * `withOrganizationRules`); null: organization-wide rules only; omitted: all rules of the organization.
   */
  listRules(query: {
    organizationId: number;
    projectId?: number | null;
    withOrganizationRules?: boolean;
  }): Promise<AlertRuleRecord[]>;
  /** Every rule with a recurring (schedule) trigger, across organizations. */
  listScheduledRules(): Promise<AlertRuleRecord[]>;
  updateRule(id: number, patch: AlertRulePatch): Promise<AlertRuleRecord | null>;
  deleteRule(id: number): Promise<boolean>;

  /** Idempotent on `dedupeKey`: a second call returns the first delivery with `created: false`. */
  recordDelivery(input: NewAlertDelivery): Promise<{ delivery: AlertDeliveryEntry; created: boolean }>;
  getDelivery(id: number): Promise<AlertDeliveryEntry | null>;
  updateDelivery(id: number, patch: AlertDeliveryPatch): Promise<AlertDeliveryEntry | null>;
  /** Newest first. */
  listDeliveries(query: DeliveryQuery): Promise<AlertDeliveryEntry[]>;

  readState(key: string): Promise<AlertStateEntry | null>;
  /**
   * Compare-and-set: writes when the stored version is `expectedVersion` (null: only when the key is
   * absent). False when another writer got there first; the caller re-reads and retries.
   */
  writeState(key: string, value: unknown, expectedVersion: number | null): Promise<boolean>;

  findSlackThread(issueId: number, alertChannelId: number): Promise<SlackThread | null>;
  /** The first thread recorded for an issue and channel wins; returns the one that is stored. */
  saveSlackThread(thread: SlackThread): Promise<SlackThread>;

  recordPipelineEvent(event: Omit<AlertPipelineEvent, 'id'>): Promise<AlertPipelineEvent>;
  /** Newest first. */
  listPipelineEvents(issueId: number, limit: number): Promise<AlertPipelineEvent[]>;

  /** Issues with events of level fatal, or of blocking severity, received in [since, until). */
  criticalActivity(projectIds: number[], since: Date, until: Date): Promise<IssueWindowActivity[]>;
  /** Issues with at least `minEvents` events received in [since, until). */
  busyIssues(
    projectIds: number[],
    since: Date,
    until: Date,
    minEvents: number,
  ): Promise<IssueWindowActivity[]>;
  /** Events per issue received in [since, until); issues without events are left out. */
  countIssueEvents(issueIds: number[], since: Date, until: Date): Promise<Map<number, number>>;
  /** Activity of the projects in [start, end), with the `topLimit` busiest issues. */
  periodStats(projectIds: number[], start: Date, end: Date, topLimit: number): Promise<PeriodStats>;
  /** User reports with an id above `afterId`, oldest first. */
  userReportsAfter(afterId: number, limit: number): Promise<StoredUserReport[]>;
  /** Resolutions (set_resolved* activity) with an activity id above `afterId`, oldest first. */
  resolutionsAfter(afterId: number, limit: number): Promise<IssueResolution[]>;
  /** Recurring (scheduled) jobs that failed or are being retried after a failure since `since`. */
  failingRecurringJobs(since: Date): Promise<{ kind: string; failures: number; lastError: string }[]>;
}
