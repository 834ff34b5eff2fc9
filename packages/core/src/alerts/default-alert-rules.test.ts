import { describe, expect, it } from 'vitest';
import { parseCronExpression } from './cron-expression.ts';
import { defaultAlertRules } from './default-alert-rules.ts';
import { evaluateAlertRules } from './evaluate-alert-rules.ts';
import { nextCronSlot } from './next-cron-slot.ts';
import { sampleAlertIssue } from './sample-alert-issue.ts';

describe('defaultAlertRules', () => {
  const rules = defaultAlertRules(1);
  const now = new Date('2026-01-01T08:00:00Z');

  it('sends a new blocking issue of the project to Slack and Telegram at once', () => {
    const trigger = {
      type: 'issue_created' as const,
      issue: sampleAlertIssue(),
      tags: {},
      dashboardUrl: 'https://x',
    };
    const [match, ...rest] = evaluateAlertRules(rules, trigger, now);
    expect(rest).toEqual([]);
    expect(match?.rule.channels).toEqual([{ channelKind: 'slack' }, { channelKind: 'telegram' }]);
    const annoying = { ...trigger, issue: sampleAlertIssue({ severity: 'annoying' }) };
    expect(evaluateAlertRules(rules, annoying, now)).toEqual([]);
    const otherProject = {
      ...trigger,
      issue: sampleAlertIssue({ project: { id: 2, slug: 'b', name: 'B' } }),
    };
    expect(evaluateAlertRules(rules, otherProject, now)).toEqual([]);
  });

  it('schedules the critical check every 10 minutes for Telegram and the e-mail summary at 09:00 UTC', () => {
    const scheduled = rules.flatMap((rule) =>
      rule.triggers.flatMap((t) => (t.type === 'schedule' ? [{ rule, t }] : [])),
    );
    expect(scheduled.map(({ rule, t }) => [t.report, rule.channels])).toEqual([
      ['critical_check', [{ channelKind: 'telegram' }]],
      ['daily_summary', [{ channelKind: 'email' }]],
    ]);
    const slots = scheduled.map(({ t }) => {
      const parsed = parseCronExpression(t.cron);
      return parsed.ok ? nextCronSlot(parsed.cron, now)?.toISOString() : parsed.error;
    });
    expect(slots).toEqual(['2026-01-01T08:10:00.000Z', '2026-01-01T09:00:00.000Z']);
  });
});
