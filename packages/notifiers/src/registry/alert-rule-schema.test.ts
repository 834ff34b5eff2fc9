import { defaultAlertRules } from '@fixloop/core';
import { describe, expect, it } from 'vitest';
import { alertRuleSchema, channelPolicySchema } from './alert-rule-schema.ts';

describe('alertRuleSchema', () => {
  it('accepts the default rules unchanged', () => {
    for (const rule of defaultAlertRules(7)) expect(alertRuleSchema.parse(rule)).toEqual(rule);
  });

  it('fills defaults and rejects bad triggers, cron expressions and channels', () => {
    const minimal = {
      id: 'r',
      name: 'R',
      triggers: [{ type: 'new_issue' }],
      channels: [{ channelKind: 'slack' }],
    };
    expect(alertRuleSchema.parse(minimal)).toMatchObject({
      enabled: true,
      filters: {},
      throttle: { windowMinutes: 30, digestThreshold: 10 },
      snoozedUntil: null,
    });
    const bad = (patch: object) => alertRuleSchema.safeParse({ ...minimal, ...patch });
    expect(
      bad({ triggers: [{ type: 'schedule', cron: '61 * * * *', report: 'daily_summary' }] }).error?.issues[0]
        ?.message,
    ).toMatch(/invalid cron expression: invalid minute/);
    expect(bad({ triggers: [{ type: 'spike', windowMinutes: 10, minEvents: 5, ratio: 0.5 }] }).success).toBe(
      false,
    );
    expect(bad({ triggers: [{ type: 'pipeline', events: ['deploy'] }] }).success).toBe(false);
    expect(bad({ channels: [{ channelKind: 'fax' }] }).success).toBe(false);
    expect(bad({ filters: { severities: ['critical'] } }).success).toBe(false);
  });
});

describe('channelPolicySchema', () => {
  it('defaults to no quiet hours and no rate limit, and validates times', () => {
    expect(channelPolicySchema.parse({})).toEqual({ quietHours: null, maxPerMinute: null });
    expect(channelPolicySchema.parse({ quietHours: { start: '22:00', end: '7:00' } }).quietHours).toEqual({
      start: '22:00',
      end: '7:00',
      utcOffsetMinutes: 0,
    });
    expect(channelPolicySchema.safeParse({ quietHours: { start: '24:00', end: '07:00' } }).success).toBe(
      false,
    );
  });
});
