import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_THROTTLE, type AlertRule } from './alert-rule.ts';
import type { AlertTrigger, SpikeWindowCount } from './alert-trigger.ts';
import { evaluateAlertRules, spikeWindows } from './evaluate-alert-rules.ts';
import { sampleAlertIssue } from './sample-alert-issue.ts';

const now = new Date('2026-01-01T12:00:00Z');
const base = {
  enabled: true,
  filters: {},
  channels: [],
  throttle: DEFAULT_ALERT_THROTTLE,
  snoozedUntil: null,
};
const spikeRule: AlertRule = {
  ...base,
  id: 'spike',
  name: 'Spike',
  triggers: [{ type: 'spike', windowMinutes: 10, minEvents: 20, ratio: 3 }],
};
const counts = (windows: SpikeWindowCount[]): AlertTrigger => ({
  type: 'event_counts',
  issue: sampleAlertIssue(),
  tags: {},
  dashboardUrl: 'https://x.test',
  windows,
});

describe('spike and pipeline triggers', () => {
  it('fires when the window has enough events and a high enough ratio to the baseline', () => {
    const [match] = evaluateAlertRules(
      [spikeRule],
      counts([{ windowMinutes: 10, count: 30, baselinePerWindow: 10 }]),
      now,
    );
    expect(match?.message.kind).toBe('spike');
    expect(match?.message.spike).toEqual({ windowMinutes: 10, count: 30, baselinePerWindow: 10 });
  });

  it('does not fire under the ratio, under the minimum, or for another window size', () => {
    for (const window of [
      { windowMinutes: 10, count: 29, baselinePerWindow: 10 },
      { windowMinutes: 10, count: 19, baselinePerWindow: 0 },
      { windowMinutes: 60, count: 500, baselinePerWindow: 1 },
    ]) {
      expect(evaluateAlertRules([spikeRule], counts([window]), now)).toEqual([]);
    }
  });

  it('treats a zero baseline as a spike once the minimum is reached', () => {
    const trigger = counts([{ windowMinutes: 10, count: 20, baselinePerWindow: 0 }]);
    expect(evaluateAlertRules([spikeRule], trigger, now)).toHaveLength(1);
  });

  it('lists the spike windows the enabled rules need', () => {
    const other: AlertRule = {
      ...spikeRule,
      id: 'b',
      triggers: [{ type: 'spike', windowMinutes: 5, minEvents: 1, ratio: 2 }],
    };
    const off: AlertRule = {
      ...other,
      id: 'c',
      enabled: false,
      triggers: [{ type: 'spike', windowMinutes: 99, minEvents: 1, ratio: 1 }],
    };
    expect(spikeWindows([spikeRule, other, off, spikeRule])).toEqual([5, 10]);
  });

  it('fires pipeline rules for the listed steps, keyed per step so a later step is not deduplicated', () => {
    const rule: AlertRule = {
      ...base,
      id: 'pipe',
      name: 'Pipeline',
      triggers: [{ type: 'pipeline', events: ['fix_committed', 'fix_tests_failed'] }],
    };
    const pipeline = {
      rootCause: 'x',
      relatedFiles: ['a.ts'],
      fixStatus: 'committed' as const,
      commitSha: 'abc',
      fixUrl: null,
    };
    const trigger = (kind: 'fix_committed' | 'investigation_done'): AlertTrigger => ({
      type: 'pipeline',
      kind,
      pipeline,
      issue: sampleAlertIssue(),
      tags: {},
      dashboardUrl: 'https://x.test',
    });
    const [match] = evaluateAlertRules([rule], trigger('fix_committed'), now);
    expect(match?.message).toMatchObject({ kind: 'fix_committed', pipeline });
    expect(match?.dedupKey).toBe('pipe:42:fix_committed');
    expect(evaluateAlertRules([rule], trigger('investigation_done'), now)).toEqual([]);
  });
});
