import type { AlertDeliveryEntry } from '@fixloop/core';

/** One line of the delivery log (the payload itself is never shown, only its scrubbed summary). */
export function serializeAlertDelivery(delivery: AlertDeliveryEntry): Record<string, unknown> {
  const id = (value: number | null) => (value === null ? null : String(value));
  return {
    id: String(delivery.id),
    rule: id(delivery.ruleId),
    channel: String(delivery.channelId),
    channelKind: delivery.channelKind,
    kind: delivery.kind,
    issue: id(delivery.issueId),
    summary: delivery.summary,
    status: delivery.status,
    attempts: delivery.attempts,
    providerMessageId: delivery.providerMessageId,
    error: delivery.error,
    dateCreated: delivery.createdAt.toISOString(),
    dateUpdated: delivery.updatedAt.toISOString(),
  };
}
