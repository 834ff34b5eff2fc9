import type { AlertMessage } from '../alerts/alert-message.ts';
import type { ChannelKind } from '../alerts/channel-kind.ts';

/** Where one delivery goes, beyond what the channel's configuration already says. */
export interface DeliveryTarget {
  /**
   * Overrides the channel's default recipients: a Slack channel id, a Telegram chat id, e-mail addresses.
   * Channels with a fixed destination (webhooks, PagerDuty) ignore it.
   */
  recipients?: readonly string[];
  /** Reply in this thread: the Slack `ts` of the first alert about the issue, or a Telegram message id. */
  threadId?: string;
}

/**
 * The outcome of one send. Expected failures (4xx, 5xx, 429, timeouts, refused connections) are values,
 * never exceptions; `retryable` says whether trying again later can help.
 */
export type DeliveryResult =
  | { ok: true; providerMessageId?: string }
  | { ok: false; retryable: boolean; retryAfterMs?: number; error: string };

/** One alert channel (Slack, Telegram, e-mail, Discord, webhook, PagerDuty). */
export interface Notifier {
  readonly channel: ChannelKind;
  send(message: AlertMessage, target: DeliveryTarget): Promise<DeliveryResult>;
}
