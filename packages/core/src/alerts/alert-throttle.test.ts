import { describe, expect, it } from 'vitest';
import { fixedClock } from '../time/clock.ts';
import type { AlertMessage } from './alert-message.ts';
import { AlertThrottle, type ChannelThrottlePolicy, type ThrottleRequest } from './alert-throttle.ts';
import { sampleAlertIssue } from './sample-alert-issue.ts';

const MINUTE = 60_000;
const open: ChannelThrottlePolicy = { quietHours: null, maxPerMinute: null };

function request(issueId: number, overrides: Partial<ThrottleRequest> = {}): ThrottleRequest {
  const message: AlertMessage = {
    kind: 'new_issue',
    ruleId: 'r1',
    ruleName: 'Rule',
    issue: sampleAlertIssue({ id: issueId, shortId: `SHOP-${issueId}`, title: `Error ${issueId}` }),
    pipeline: null,
    spike: null,
    digest: null,
    dashboardUrl: 'https://fixloop.example.com',
    createdAt: new Date(0),
  };
  return {
    channelId: 'slack-1',
    dedupKey: `r1:${issueId}`,
    message,
    rule: { windowMinutes: 30, digestThreshold: 3 },
    channel: open,
    ...overrides,
  };
}

describe('AlertThrottle', () => {
  it('sends one alert per issue per rule per window, then again after the window', () => {
    const clock = fixedClock(new Date('2026-01-01T12:00:00Z'));
    const throttle = new AlertThrottle(clock);
    expect(throttle.decide(request(1))).toEqual({ action: 'send' });
    clock.advance(29 * MINUTE);
    expect(throttle.decide(request(1))).toEqual({ action: 'suppress', reason: 'duplicate' });
    expect(throttle.decide(request(1, { channelId: 'telegram-1' }))).toEqual({ action: 'send' });
    clock.advance(MINUTE);
    expect(throttle.decide(request(1))).toEqual({ action: 'send' });
  });

  it('folds a burst over the threshold into one digest sent when the window ends', () => {
    const clock = fixedClock(new Date('2026-01-01T12:00:00Z'));
    const throttle = new AlertThrottle(clock);
    const decisions = [1, 2, 3, 4, 5].map((id) => throttle.decide(request(id)).action);
    expect(decisions).toEqual(['send', 'send', 'send', 'digest', 'digest']);
    expect(throttle.dueDigests()).toEqual([]);
    clock.advance(30 * MINUTE);
    const [due, ...more] = throttle.dueDigests();
    expect(more).toEqual([]);
    expect(due?.channelId).toBe('slack-1');
    expect(due?.message.kind).toBe('digest');
    expect(due?.message.digest?.reason).toBe('burst');
    expect(due?.message.digest?.items.map((i) => i.shortId)).toEqual(['SHOP-4', 'SHOP-5']);
    expect(due?.message.digest?.windowStart).toEqual(new Date('2026-01-01T12:00:00Z'));
    expect(throttle.dueDigests()).toEqual([]);
  });

  it('holds alerts during quiet hours (with a UTC offset) and releases them when quiet hours end', () => {
    // 22:00–07:00 at UTC+2 is 20:00–05:00 UTC.
    const quiet = {
      start: '22:00',
      end: '07:00',
      utcOffsetMinutes: 120,
      bypassSeverities: ['blocking' as const],
    };
    const channel = { quietHours: quiet, maxPerMinute: null };
    const clock = fixedClock(new Date('2026-01-01T19:59:00Z'));
    const throttle = new AlertThrottle(clock);
    const annoying = (id: number) => {
      const r = request(id, { channel });
      return { ...r, message: { ...r.message, issue: sampleAlertIssue({ id, severity: 'annoying' }) } };
    };
    expect(throttle.decide(annoying(1))).toEqual({ action: 'send' });
    clock.advance(MINUTE);
    expect(throttle.decide(annoying(2))).toEqual({
      action: 'digest',
      reason: 'quiet_hours',
      flushAt: new Date('2026-01-02T05:00:00Z'),
    });
    expect(throttle.decide(request(3, { channel }))).toEqual({ action: 'send' });
    clock.set(new Date('2026-01-02T04:59:00Z'));
    expect(throttle.dueDigests()).toEqual([]);
    clock.advance(MINUTE);
    expect(throttle.dueDigests()[0]?.message.digest?.items.map((i) => i.issueId)).toEqual([2]);
  });

  it('enforces the per-channel send rate and digests the overflow', () => {
    const clock = fixedClock(new Date('2026-01-01T12:00:00Z'));
    const throttle = new AlertThrottle(clock);
    const channel = { quietHours: null, maxPerMinute: 2 };
    const rule = { windowMinutes: 30, digestThreshold: 100 };
    const results = [1, 2, 3].map((id) => throttle.decide(request(id, { channel, rule })));
    expect(results[2]).toEqual({
      action: 'digest',
      reason: 'rate_limited',
      flushAt: new Date('2026-01-01T12:01:00Z'),
    });
    clock.advance(MINUTE);
    expect(throttle.dueDigests()).toHaveLength(1);
    // The digest itself counts as a send, so one more alert fits in this minute.
    expect(throttle.decide(request(4, { channel, rule }))).toEqual({ action: 'send' });
    expect(throttle.decide(request(5, { channel, rule })).action).toBe('digest');
  });

  it('round-trips its state through snapshot() and never deduplicates test messages', () => {
    const clock = fixedClock(new Date('2026-01-01T12:00:00Z'));
    const first = new AlertThrottle(clock);
    first.decide(request(1));
    const state = JSON.parse(JSON.stringify(first.snapshot()));
    const second = new AlertThrottle(clock, state);
    expect(second.decide(request(1))).toEqual({ action: 'suppress', reason: 'duplicate' });
    const test = request(1);
    const testMessage = { ...test, message: { ...test.message, kind: 'test' as const } };
    expect(second.decide(testMessage)).toEqual({ action: 'send' });
    expect(second.decide(testMessage)).toEqual({ action: 'send' });
  });
});
