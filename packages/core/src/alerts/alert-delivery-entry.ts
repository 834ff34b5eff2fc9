import type { AlertDeliveryStatus } from './alert-delivery.ts';
import type { AlertMessage } from './alert-message.ts';
import type { ChannelKind } from './channel-kind.ts';
import type { DailySummary, WeeklyReport } from './daily-summary.ts';

/** `pending`: decided and queued for sending; the other states are final. */
export type AlertDeliveryState = AlertDeliveryStatus | 'pending';

/** What a delivery sends. Kept with a pending delivery so a retry sends exactly the same thing. */
export type AlertDeliveryPayload =
  | { type: 'alert'; message: AlertMessage }
  | { type: 'daily_summary'; summary: DailySummary }
  | { type: 'weekly_report'; report: WeeklyReport };

/** One line of the delivery log, as stored. */
export interface AlertDeliveryEntry {
  id: number;
  organizationId: number | null;
  ruleId: number | null;
  channelId: number;
  channelKind: ChannelKind;
  /** An AlertKind, or `daily_summary`, `weekly_report`, `know_more`, `system`. */
  kind: string;
  issueId: number | null;
  /** Short and scrubbed: never the full payload. */
  summary: string;
  status: AlertDeliveryState;
  attempts: number;
  /** Slack `ts`, Telegram message id, SMTP message id, … */
  providerMessageId: string | null;
  error: string | null;
  /** Makes recording idempotent: a retried job finds its delivery instead of sending twice. */
  dedupeKey: string | null;
  /** Present while pending; dropped once the delivery is final. */
  payload: AlertDeliveryPayload | null;
  createdAt: Date;
  updatedAt: Date;
}

export type NewAlertDelivery = Omit<AlertDeliveryEntry, 'id' | 'createdAt' | 'updatedAt'> & { at: Date };

export type AlertDeliveryPatch = Partial<
  Pick<AlertDeliveryEntry, 'status' | 'attempts' | 'providerMessageId' | 'error' | 'payload'>
> & { at: Date };
