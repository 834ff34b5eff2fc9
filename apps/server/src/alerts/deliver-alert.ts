import { deliverWithRetry, EmailNotifier } from '@fixloop/notifiers';
import type { DeliveryOutcome } from '@fixloop/notifiers';
import type { AlertChannel, AlertDeliveryEntry, DeliveryTarget, Notifier } from '@fixloop/core';
import type { AlertingContext } from './alerting-context.ts';
import type { AlertDispatcher } from './alert-dispatcher.ts';
import { createChannelNotifier } from './channel-notifier.ts';

/** Problem alerts start a Slack thread; everything later about the issue (pipeline, resolve) goes into it. */
const THREAD_STARTERS = new Set(['new_issue', 'regression', 'spike', 'critical_event', 'user_report']);
const MAX_BACKOFF_MS = 60 * 60_000;

/**
 * Sends one pending delivery and records the outcome. Retryable failures (429, 5xx, timeouts) are retried
 * briefly in place, then rescheduled as a new job with backoff (honouring Retry-After) until the attempts
 * run out. Never throws: a delivery failure must not fail whatever triggered it.
 */
export async function deliverAlert(
  context: AlertingContext,
  dispatcher: AlertDispatcher,
  deliveryId: number,
): Promise<void> {
  const { storage, clock } = context;
  const delivery = await storage.alerts.getDelivery(deliveryId);
  if (delivery === null || delivery.status !== 'pending' || delivery.payload === null) return;
  const fail = (error: string) =>
    storage.alerts.updateDelivery(delivery.id, { status: 'failed', error, payload: null, at: clock.now() });
  const channel = await storage.alerts.getChannel(delivery.channelId);
  if (channel === null || !channel.enabled) return void (await fail('the channel was deleted or disabled'));
  const created = createChannelNotifier(context, channel);
  if (!created.ok) {
    const details = created.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    return void (await fail(`${created.error}${details ? ` (${details})` : ''}`));
  }
  const slackChannel = created.config.kind === 'slack' ? (created.config.channel ?? null) : null;
  const target = await threadTarget(context, delivery, channel);
  const outcome = await sendPayload(context, created.notifier, delivery, target);
  const attempts = delivery.attempts + outcome.attempts;
  const at = clock.now();
  if (outcome.ok) {
    const providerMessageId = outcome.providerMessageId ?? null;
    await storage.alerts.updateDelivery(delivery.id, {
      status: 'sent',
      attempts,
      providerMessageId,
      error: null,
      payload: null,
      at,
    });
    if (
      slackChannel &&
      providerMessageId &&
      delivery.issueId !== null &&
      THREAD_STARTERS.has(delivery.kind)
    ) {
      await storage.alerts.saveSlackThread({
        issueId: delivery.issueId,
        alertChannelId: channel.id,
        slackChannel,
        ts: providerMessageId,
        createdAt: at,
      });
    }
    return;
  }
  if (!outcome.retryable || attempts >= context.maxDeliveryAttempts) {
    await storage.alerts.updateDelivery(delivery.id, {
      status: 'failed',
      attempts,
      error: outcome.error,
      payload: null,
      at,
    });
    context.log(`alerts: delivery ${delivery.id} to channel ${channel.id} failed: ${outcome.error}`);
    return;
  }
  const backoff = Math.min(MAX_BACKOFF_MS, 30_000 * 2 ** Math.max(0, attempts - 1));
  const wait = Math.max(backoff, outcome.retryAfterMs ?? 0);
  await storage.alerts.updateDelivery(delivery.id, { attempts, error: outcome.error, at });
  await dispatcher.queueSend(delivery.id, attempts, new Date(at.getTime() + wait));
}

async function threadTarget(
  context: AlertingContext,
  delivery: AlertDeliveryEntry,
  channel: AlertChannel,
): Promise<DeliveryTarget> {
  if (channel.kind !== 'slack' || delivery.issueId === null || THREAD_STARTERS.has(delivery.kind)) return {};
  const thread = await context.storage.alerts.findSlackThread(delivery.issueId, channel.id);
  return thread ? { threadId: thread.ts } : {};
}

function sendPayload(
  context: AlertingContext,
  notifier: Notifier,
  delivery: AlertDeliveryEntry,
  target: DeliveryTarget,
): Promise<DeliveryOutcome> {
  const payload = delivery.payload;
  if (payload === null || payload.type === 'alert') {
    if (payload === null)
      return Promise.resolve({ ok: false, retryable: false, error: 'nothing to send', attempts: 0 });
    return deliverWithRetry(notifier, payload.message, target, context.retry);
  }
  if (!(notifier instanceof EmailNotifier)) {
    return Promise.resolve({
      ok: false,
      retryable: false,
      error: `${payload.type} is sent by e-mail only`,
      attempts: 0,
    });
  }
  // deliverWithRetry drives any Notifier; a report is one with a fixed message.
  const report: Notifier = {
    channel: 'email',
    send: (_message, to) =>
      payload.type === 'daily_summary'
        ? notifier.sendDailySummary(payload.summary, to)
        : notifier.sendWeeklyReport(payload.report, to),
  };
  return deliverWithRetry(report, reportPlaceholder(context), target, context.retry);
}

function reportPlaceholder(context: AlertingContext) {
  return {
    kind: 'digest' as const,
    ruleId: null,
    ruleName: null,
    issue: null,
    pipeline: null,
    spike: null,
    digest: null,
    dashboardUrl: context.baseUrl(),
    createdAt: context.clock.now(),
  };
}
