import { describe, expect, it } from 'vitest';
import type { AlertRule } from '../api/use-alert-rules.ts';
import { ruleDraftProblem, toRuleBody, toRuleDraft } from './alert-rule-draft.ts';

const stored: AlertRule = {
  id: '1',
  name: 'Everything',
  enabled: true,
  source: 'api',
  key: null,
  project: 'shop',
  triggers: [
    { type: 'critical_event' },
    { type: 'spike', windowMinutes: 5, minEvents: 7, ratio: 2.5 },
    { type: 'pipeline', events: ['fix_committed', 'needs_review'] },
    { type: 'schedule', cron: '*/10 * * * *', report: 'critical_check' },
  ],
  filters: {
    projectIds: [1],
    environments: ['production'],
    levels: ['fatal', 'error'],
    severities: ['blocking'],
    errorClasses: ['api'],
    tags: { component: 'checkout page', region: 'eu' },
    releases: ['2.1.*'],
  },
  channels: [{ channelId: '7' }, { channelKind: 'email' }],
  throttle: { windowMinutes: 45, digestThreshold: 4 },
  snoozedUntil: null,
};

describe('alert rule draft', () => {
  it('round-trips every trigger, filter, channel and the throttle (projectIds are the server’s)', () => {
    const { projectIds, ...filters } = stored.filters;
    expect(projectIds).toEqual([1]);
    expect(toRuleBody(toRuleDraft(stored))).toEqual({
      name: stored.name,
      triggers: stored.triggers,
      filters,
      channels: stored.channels,
      throttle: stored.throttle,
    });
  });

  it('starts a new rule with the documented defaults and says what is missing', () => {
    const draft = toRuleDraft();
    expect(draft.throttleMinutes).toBe('30');
    expect(ruleDraftProblem(draft)).toBe('Name the rule.');
    expect(ruleDraftProblem({ ...draft, name: 'x' })).toBe('Pick at least one trigger.');
    expect(ruleDraftProblem({ ...draft, name: 'x', pipeline: { on: true, events: [] } })).toBe(
      'Pick the pipeline steps to alert on.',
    );
    expect(ruleDraftProblem({ ...draft, name: 'x', simple: ['new_issue'] })).toBe(
      'Pick at least one channel.',
    );
    expect(
      ruleDraftProblem({ ...draft, name: 'x', simple: ['new_issue'], channelKinds: ['slack'] }),
    ).toBeNull();
  });

  it('reads tags as comma-separated key=value pairs and skips malformed ones', () => {
    const body = toRuleBody({ ...toRuleDraft(), tags: 'a = 1, broken, b=two words,=x' });
    expect(body.filters).toEqual({ tags: { a: '1', b: 'two words' } });
  });
});
