import {
  evaluateAlertRules,
  resolveRuleChannels,
  sanitizeAlertMessage,
  summarizeAlertMessage,
} from '@fixloop/core';
import type { AlertChannel, AlertRuleMatch, AlertTrigger, Project } from '@fixloop/core';
import type { AlertingContext } from './alerting-context.ts';
import { ALERTS_DELIVER_JOB } from './alert-job-kinds.ts';
import { ChannelThrottleGate } from './channel-throttle-gate.ts';
import { rulesForProject } from './project-alert-rules.ts';

export type DispatchDecision = 'queued' | 'suppressed' | 'digested' | 'already_handled';

export interface DispatchOutcome {
  ruleId: string;
  channelId: number;
  deliveryId: number;
  decision: DispatchDecision;
}

/**
 * Turns triggers into deliveries: evaluate the rules, resolve their channels, ask the shared throttle
 * (dedup, bursts into digests, quiet hours, rate limit), record every decision in the delivery log and
 * queue a send job for what goes out now. Idempotent per `sourceKey`, so a retried job never alerts twice.
 */
export class AlertDispatcher {
  readonly gate: ChannelThrottleGate;

  constructor(private readonly context: AlertingContext) {
    this.gate = new ChannelThrottleGate(context.storage.alerts, context.clock);
  }

  async dispatch(trigger: AlertTrigger, project: Project, sourceKey: string): Promise<DispatchOutcome[]> {
    const now = this.context.clock.now();
    const { rules } = await rulesForProject(this.context.storage, project, now);
    return this.deliverMatches(evaluateAlertRules(rules, trigger, now), project.organizationId, sourceKey);
  }

  async deliverMatches(
    matches: readonly AlertRuleMatch[],
    organizationId: number,
    sourceKey: string,
  ): Promise<DispatchOutcome[]> {
    if (matches.length === 0) return [];
    const channels = await this.context.storage.alerts.listChannels({ organizationId, enabledOnly: true });
    const outcomes: DispatchOutcome[] = [];
    // One trigger is one message per channel and issue: when several rules match (a custom "every new
    // issue" rule and the default "new blocking issue"), the first rule naming the channel speaks for it.
    const reached = new Set<string>();
    for (const match of matches) {
      for (const channel of resolveRuleChannels(match.rule.channels, channels, organizationId)) {
        const key = `${channel.id}:${match.message.issue?.id ?? '-'}`;
        if (reached.has(key)) continue;
        reached.add(key);
        outcomes.push(await this.deliverOne(match, channel, sourceKey));
      }
    }
    return outcomes;
  }

  private async deliverOne(
    match: AlertRuleMatch,
    channel: AlertChannel,
    sourceKey: string,
  ): Promise<DispatchOutcome> {
    const { storage, clock } = this.context;
    const message = sanitizeAlertMessage(match.message);
    const ruleId = Number(match.rule.id);
    const { delivery, created } = await storage.alerts.recordDelivery({
      organizationId: channel.organizationId,
      ruleId: Number.isSafeInteger(ruleId) ? ruleId : null,
      channelId: channel.id,
      channelKind: channel.kind,
      kind: message.kind,
      issueId: message.issue?.id ?? null,
      summary: summarizeAlertMessage(message),
      status: 'pending',
      attempts: 0,
      providerMessageId: null,
      error: null,
      dedupeKey: `${sourceKey}|rule:${match.rule.id}|channel:${channel.id}|issue:${message.issue?.id ?? '-'}`,
      payload: { type: 'alert', message },
      at: clock.now(),
    });
    const outcome = { ruleId: match.rule.id, channelId: channel.id, deliveryId: delivery.id };
    if (!created) {
      // A retry of the same job: finish what the first run started, decide nothing again.
      if (delivery.status === 'pending') await this.queueSend(delivery.id);
      return { ...outcome, decision: 'already_handled' };
    }
    const decision = await this.gate.decide({
      channelId: String(channel.id),
      dedupKey: match.dedupKey,
      message,
      rule: match.rule.throttle,
      channel: channel.policy,
    });
    if (decision.action === 'send') {
      await this.queueSend(delivery.id);
      return { ...outcome, decision: 'queued' };
    }
    const status = decision.action === 'suppress' ? 'suppressed' : 'digested';
    const error =
      decision.action === 'suppress'
        ? 'duplicate within the rule window'
        : `held for a digest (${decision.reason})`;
    await storage.alerts.updateDelivery(delivery.id, { status, error, payload: null, at: clock.now() });
    return { ...outcome, decision: status };
  }

  /** Records a ready message (digest, report) for one channel and queues its send. */
  async queueDelivery(
    channel: AlertChannel,
    input: {
      kind: string;
      ruleId: number | null;
      issueId: number | null;
      summary: string;
      dedupeKey: string;
    },
    payload: NonNullable<Parameters<AlertingContext['storage']['alerts']['recordDelivery']>[0]['payload']>,
  ): Promise<number> {
    const { delivery } = await this.context.storage.alerts.recordDelivery({
      ...input,
      organizationId: channel.organizationId,
      channelId: channel.id,
      channelKind: channel.kind,
      status: 'pending',
      attempts: 0,
      providerMessageId: null,
      error: null,
      payload,
      at: this.context.clock.now(),
    });
    if (delivery.status === 'pending') await this.queueSend(delivery.id);
    return delivery.id;
  }

  async queueSend(deliveryId: number, attempt = 0, runAt = this.context.clock.now()): Promise<void> {
    await this.context.storage.jobs.enqueueUnique({
      kind: ALERTS_DELIVER_JOB,
      payload: { deliveryId },
      dedupeKey: `alerts.deliver:${deliveryId}:${attempt}`,
      runAt,
      maxAttempts: 3,
    });
  }
}
