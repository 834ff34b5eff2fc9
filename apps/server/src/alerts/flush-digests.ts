import { summarizeAlertMessage } from '@fixloop/core';
import type { AlertingContext } from './alerting-context.ts';
import type { AlertDispatcher } from './alert-dispatcher.ts';

/** Sends the digests whose time has come (end of a burst window, of quiet hours, of a rate-limit minute). */
export async function flushDigests(context: AlertingContext, dispatcher: AlertDispatcher): Promise<number> {
  let sent = 0;
  for (const channel of await context.storage.alerts.listChannels({ enabledOnly: true })) {
    for (const due of await dispatcher.gate.dueDigests(String(channel.id))) {
      const windowStart = due.message.digest?.windowStart.toISOString() ?? '';
      await dispatcher.queueDelivery(
        channel,
        {
          kind: 'digest',
          ruleId: null,
          issueId: null,
          summary: summarizeAlertMessage(due.message),
          dedupeKey: `digest:${channel.id}:${windowStart}`,
        },
        { type: 'alert', message: due.message },
      );
      sent += 1;
    }
  }
  return sent;
}
