import { deliverWithRetry } from '@fixloop/notifiers';
import type { AlertChannel, AlertDeliveryEntry, AlertMessage } from '@fixloop/core';
import type { AlertingContext } from './alerting-context.ts';
import { createChannelNotifier } from './channel-notifier.ts';

/**
 * "Send test message": one real send through the channel right now (no throttle, no quiet hours), logged
 * like any delivery, so an admin sees at once whether the configuration works and what the provider said.
 */
export async function sendTestMessage(
  context: AlertingContext,
  channel: AlertChannel,
): Promise<AlertDeliveryEntry> {
  const { storage, clock } = context;
  const message: AlertMessage = {
    kind: 'test',
    ruleId: null,
    ruleName: `Test of channel "${channel.name}"`,
    issue: null,
    pipeline: null,
    spike: null,
    digest: null,
    dashboardUrl: context.baseUrl(),
    createdAt: clock.now(),
  };
  const created = createChannelNotifier(context, channel);
  const outcome = created.ok
    ? await deliverWithRetry(created.notifier, message, {}, { ...context.retry, maxAttempts: 1 })
    : { ok: false as const, retryable: false, error: created.error, attempts: 0 };
  const { delivery } = await storage.alerts.recordDelivery({
    organizationId: channel.organizationId,
    ruleId: null,
    channelId: channel.id,
    channelKind: channel.kind,
    kind: 'test',
    issueId: null,
    summary: `test message to ${channel.name}`.slice(0, 300),
    status: outcome.ok ? 'sent' : 'failed',
    attempts: outcome.attempts,
    providerMessageId: outcome.ok ? (outcome.providerMessageId ?? null) : null,
    error: outcome.ok ? null : outcome.error,
    dedupeKey: null,
    payload: null,
    at: clock.now(),
  });
  return delivery;
}
