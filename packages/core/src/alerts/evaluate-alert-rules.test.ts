import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_THROTTLE, type AlertRule, type AlertRuleFilters } from './alert-rule.ts';
import type { AlertTrigger } from './alert-trigger.ts';
import { evaluateAlertRules } from './evaluate-alert-rules.ts';
import { sampleAlertIssue } from './sample-alert-issue.ts';

const now = new Date('2026-01-01T12:00:00Z');
const dashboardUrl = 'https://fixloop.example.com';

function rule(overrides: Partial<AlertRule>): AlertRule {
  return {
    id: 'r1',
    name: 'Rule one',
    enabled: true,
    triggers: [{ type: 'new_issue' }],
    filters: {},
    channels: [{ channelKind: 'slack' }],
    throttle: DEFAULT_ALERT_THROTTLE,
    snoozedUntil: null,
    ...overrides,
  };
}

const created = (overrides = {}, tags: Record<string, string> = {}): AlertTrigger => ({
  type: 'issue_created',
  issue: sampleAlertIssue(overrides),
  tags,
  dashboardUrl,
});

describe('evaluateAlertRules', () => {
  it('fires a new-issue rule with a complete message', () => {
    const [match, ...rest] = evaluateAlertRules([rule({})], created(), now);
    expect(rest).toEqual([]);
    expect(match?.dedupKey).toBe('r1:42');
    expect(match?.message).toMatchObject({
      kind: 'new_issue',
      ruleId: 'r1',
      ruleName: 'Rule one',
      issue: { id: 42, shortId: 'SHOP-7' },
      pipeline: null,
      dashboardUrl,
      createdAt: now,
    });
  });

  it('does not fire a trigger of another type, a disabled rule or a snoozed rule', () => {
    const rules = [
      rule({ id: 'regression', triggers: [{ type: 'regression' }] }),
      rule({ id: 'off', enabled: false }),
      rule({ id: 'snoozed', snoozedUntil: new Date('2026-01-01T13:00:00Z') }),
      rule({ id: 'snooze-over', snoozedUntil: new Date('2026-01-01T11:00:00Z') }),
    ];
    expect(evaluateAlertRules(rules, created(), now).map((m) => m.rule.id)).toEqual(['snooze-over']);
  });

  it('applies every filter: project, environment, level, severity, error class, tags, release', () => {
    const pass: AlertRuleFilters = {
      projectIds: [1],
      environments: ['production'],
      levels: ['error'],
      severities: ['blocking'],
      errorClasses: ['javascript'],
      tags: { browser: 'Firefox' },
      releases: ['2.1.*'],
    };
    const trigger = created({}, { browser: 'Firefox', os: 'Linux' });
    expect(evaluateAlertRules([rule({ filters: pass })], trigger, now)).toHaveLength(1);
    const failing: AlertRuleFilters[] = [
      { projectIds: [2] },
      { environments: ['staging'] },
      { levels: ['fatal'] },
      { severities: ['info'] },
      { errorClasses: ['network'] },
      { tags: { browser: 'Chrome' } },
      { tags: { missing: 'x' } },
      { releases: ['2.2.*', '2.1'] },
    ];
    for (const filters of failing) {
      expect(evaluateAlertRules([rule({ filters: { ...pass, ...filters } })], trigger, now)).toEqual([]);
    }
    const noRelease = created({ release: null }, { browser: 'Firefox' });
    expect(evaluateAlertRules([rule({ filters: { releases: ['2.1.*'] } })], noRelease, now)).toEqual([]);
  });

  it('fires critical-event rules only for fatal events or blocking issues', () => {
    const critical = rule({ triggers: [{ type: 'critical_event' }] });
    const event = (overrides: object): AlertTrigger => ({ ...created(overrides), type: 'event_received' });
    expect(evaluateAlertRules([critical], event({ severity: 'blocking' }), now)[0]?.message.kind).toBe(
      'critical_event',
    );
    expect(evaluateAlertRules([critical], event({ severity: 'annoying', level: 'fatal' }), now)).toHaveLength(
      1,
    );
    expect(evaluateAlertRules([critical], event({ severity: 'annoying', level: 'error' }), now)).toEqual([]);
    expect(evaluateAlertRules([critical], created({ severity: 'blocking' }), now)).toEqual([]);
  });
});
