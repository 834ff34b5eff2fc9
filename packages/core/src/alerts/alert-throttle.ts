import type { Clock } from '../time/clock.ts';
import type { AlertDigest, AlertMessage } from './alert-message.ts';
import type { AlertRuleThrottle } from './alert-rule.ts';
import { isQuietTime, quietHoursEnd, type QuietHours } from './quiet-hours.ts';
import { emptyThrottleState, pruneThrottleState, type ThrottleState } from './throttle-state.ts';

export interface ChannelThrottlePolicy {
  quietHours: QuietHours | null;
  /** Global send-rate limit for the channel; null for none. */
  maxPerMinute: number | null;
}

export interface ThrottleRequest {
  channelId: string;
  /** From AlertRuleMatch.dedupKey. */
  dedupKey: string;
  message: AlertMessage;
  rule: AlertRuleThrottle;
  channel: ChannelThrottlePolicy;
}

export type ThrottleDecision =
  | { action: 'send' }
  | { action: 'suppress'; reason: 'duplicate' }
  | { action: 'digest'; reason: AlertDigest['reason']; flushAt: Date };

export interface DueDigest {
  channelId: string;
  message: AlertMessage;
}

const MINUTE_MS = 60_000;
/** Burst history older than a day is never looked at: no rule window is that long. */
const LONGEST_WINDOW_MS = 24 * 60 * MINUTE_MS;

/**
 * Decides, per alert and channel, whether to send now, drop a duplicate, or fold it into a digest (bursts,
 * quiet hours, rate limit). Pure apart from the clock; the state goes in through the constructor and comes
 * out through `snapshot()`, so it can be persisted between jobs.
 */
export class AlertThrottle {
  private state: ThrottleState;

  constructor(
    private readonly clock: Clock,
    state: ThrottleState = emptyThrottleState(),
  ) {
    this.state = structuredClone(state);
  }

  snapshot(): ThrottleState {
    return structuredClone(this.state);
  }

  decide(request: ThrottleRequest): ThrottleDecision {
    const now = this.clock.now().getTime();
    this.state = pruneThrottleState(this.state, now, LONGEST_WINDOW_MS);
    if (request.message.kind === 'test') return this.recordSend(request.channelId, now);
    const windowMs = request.rule.windowMinutes * MINUTE_MS;
    const dedupKey = `${request.channelId}|${request.dedupKey}`;
    if ((this.state.dedup[dedupKey] ?? 0) > now) return { action: 'suppress', reason: 'duplicate' };
    this.state.dedup[dedupKey] = now + windowMs;

    const quiet = request.channel.quietHours;
    const severity = request.message.issue?.severity;
    const bypass = severity !== undefined && (quiet?.bypassSeverities ?? []).includes(severity);
    if (quiet && !bypass && isQuietTime(quiet, new Date(now))) {
      return this.hold(request, now, 'quiet_hours', quietHoursEnd(quiet, new Date(now)).getTime());
    }

    const burstKey = `${request.channelId}|${request.message.ruleId ?? ''}`;
    const burst = (this.state.bursts[burstKey] ?? []).filter((t) => t > now - windowMs);
    this.state.bursts[burstKey] = [...burst, now];
    if (burst.length >= request.rule.digestThreshold) {
      return this.hold(request, now, 'burst', (burst[0] ?? now) + windowMs);
    }

    const limit = request.channel.maxPerMinute;
    const sends = this.state.sends[request.channelId] ?? [];
    if (limit !== null && sends.length >= limit) {
      return this.hold(request, now, 'rate_limited', (sends[0] ?? now) + MINUTE_MS);
    }
    return this.recordSend(request.channelId, now);
  }

  /** Digests whose time has come, as ready-to-send messages; they are removed from the state. */
  dueDigests(): DueDigest[] {
    const now = this.clock.now().getTime();
    const due: DueDigest[] = [];
    for (const [channelId, pending] of Object.entries(this.state.digests)) {
      if (pending.flushAt > now) continue;
      delete this.state.digests[channelId];
      this.recordSend(channelId, now);
      due.push({
        channelId,
        message: {
          kind: 'digest',
          ruleId: null,
          ruleName: null,
          issue: null,
          pipeline: null,
          spike: null,
          digest: {
            reason: pending.reason,
            items: pending.items,
            windowStart: new Date(pending.windowStart),
            windowEnd: new Date(now),
          },
          dashboardUrl: pending.dashboardUrl,
          createdAt: new Date(now),
        },
      });
    }
    return due;
  }

  private recordSend(channelId: string, now: number): ThrottleDecision {
    this.state.sends[channelId] = [...(this.state.sends[channelId] ?? []), now];
    return { action: 'send' };
  }

  private hold(request: ThrottleRequest, now: number, reason: AlertDigest['reason'], flushAt: number) {
    const { message } = request;
    const pending = this.state.digests[request.channelId] ?? {
      reason,
      windowStart: now,
      flushAt,
      dashboardUrl: message.dashboardUrl,
      items: [],
    };
    pending.flushAt = Math.max(pending.flushAt, flushAt);
    pending.items.push({
      kind: message.kind,
      ruleId: message.ruleId,
      issueId: message.issue?.id ?? null,
      shortId: message.issue?.shortId ?? null,
      title: message.issue?.title ?? message.ruleName ?? message.kind,
      severity: message.issue?.severity ?? null,
      url: message.issue?.url ?? null,
      at: new Date(now).toISOString(),
    });
    this.state.digests[request.channelId] = pending;
    return { action: 'digest', reason: pending.reason, flushAt: new Date(pending.flushAt) } as const;
  }
}
