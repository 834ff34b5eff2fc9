import type { AlertKind, AlertMessage } from './alert-message.ts';
import type { ChannelKind } from './channel-kind.ts';

export type AlertDeliveryStatus = 'sent' | 'failed' | 'suppressed' | 'digested';

/** One line of the delivery log: every alert decision and attempt is recorded, success or not. */
export interface AlertDeliveryRecord {
  ruleId: string | null;
  channelId: string;
  channelKind: ChannelKind;
  kind: AlertKind;
  issueId: number | null;
  /** Short, scrubbed description of what was sent (never the full payload). */
  summary: string;
  status: AlertDeliveryStatus;
  attempts: number;
  /** Slack `ts`, Telegram message id, Discord message id, SMTP message id, PagerDuty dedup key. */
  providerMessageId: string | null;
  error: string | null;
  at: Date;
}

/** The payload summary for the delivery log; call it on a sanitized message. */
export function summarizeAlertMessage(message: AlertMessage): string {
  if (message.digest) return `digest (${message.digest.reason}): ${message.digest.items.length} alerts`;
  if (message.issue) return `${message.kind}: ${message.issue.shortId} ${message.issue.title}`.slice(0, 300);
  return message.kind;
}
