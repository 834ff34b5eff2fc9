import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '@fixloop/core';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.ts';

function load(alerts: { org?: unknown; project?: unknown }, env: Record<string, string> = {}) {
  const cwd = mkdtempSync(join(tmpdir(), 'fixloop-config-alerts-'));
  const project = { slug: 'web', name: 'Web', ...(alerts.project ? { alerts: alerts.project } : {}) };
  const org = {
    slug: 'acme',
    name: 'Acme',
    projects: [project],
    ...(alerts.org ? { alerts: alerts.org } : {}),
  };
  writeFileSync(join(cwd, 'fixloop.config.json'), JSON.stringify({ organizations: [org] }));
  return loadConfig({ env, cwd });
}

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).message;
  }
  throw new Error('expected a config error');
}

const slack = { name: 'ops', kind: 'slack', botToken: 'env:SLACK_TOKEN', channel: 'C0ALERTS' };

describe('config file: alerts', () => {
  it('reads channels with their policy, secrets from env references, and rules by channel name', () => {
    const config = load(
      {
        org: {
          channels: [{ ...slack, quietHours: { start: '22:00', end: '07:00', utcOffsetMinutes: 60 } }],
          rules: [
            {
              key: 'all-new',
              name: 'All new issues',
              triggers: [{ type: 'new_issue' }],
              channels: [{ channel: 'ops' }],
            },
          ],
        },
        project: {
          defaults: false,
          rules: [
            {
              key: 'web-daily',
              name: 'Daily',
              triggers: [{ type: 'schedule', cron: '0 8 * * 1-5', report: 'daily_summary' }],
              channels: [{ channelKind: 'email' }],
            },
          ],
        },
      },
      { SLACK_TOKEN: 'xoxb-secret', FIXLOOP_SECRET_KEY: 'a-long-enough-master-key' },
    );
    const org = config.organizations[0];
    expect(org?.alerts?.channels[0]).toEqual({
      name: 'ops',
      kind: 'slack',
      enabled: true,
      allowPrivateNetworks: false,
      systemAlerts: false,
      policy: { quietHours: { start: '22:00', end: '07:00', utcOffsetMinutes: 60 }, maxPerMinute: null },
      config: {
        kind: 'slack',
        botToken: 'xoxb-secret',
        channel: 'C0ALERTS',
        apiBaseUrl: 'https://slack.com/api',
      },
    });
    expect(org?.alerts?.rules[0]).toMatchObject({ key: 'all-new', throttle: { windowMinutes: 30 } });
    expect(org?.projects[0]?.alerts).toMatchObject({ defaults: false, rules: [{ key: 'web-daily' }] });
    expect(config.secretKey).toBe('a-long-enough-master-key');
    expect(config.telegramPolling).toBe(false);
  });

  it('names the exact key of an invalid channel, an unknown key or a bad cron', () => {
    expect(
      errorOf(() => load({ org: { channels: [{ name: 'pd', kind: 'pagerduty', routingKey: 'short' }] } })),
    ).toContain('organizations[0].alerts.channels[0].routingKey');
    expect(
      errorOf(() => load({ org: { channels: [{ ...slack, botToken: 'x', quietHour: {} }] } })),
    ).toContain('organizations[0].alerts.channels[0].quietHour: unknown key');
    const badCron = {
      key: 'r',
      name: 'R',
      triggers: [{ type: 'schedule', cron: '61 * * * *', report: 'daily_summary' }],
      channels: [{ channelKind: 'email' }],
    };
    expect(errorOf(() => load({ project: { rules: [badCron] } }))).toContain(
      'organizations[0].projects[0].alerts.rules[0].triggers[0].cron',
    );
  });

  it('rejects rules naming unknown channels, duplicate keys and duplicate channel names', () => {
    const rule = { key: 'r', name: 'R', triggers: [{ type: 'new_issue' }], channels: [{ channel: 'nope' }] };
    expect(errorOf(() => load({ project: { rules: [rule] } }))).toContain(
      'organizations[0].projects[0].alerts.rules[0].channels[0].channel: no channel named "nope"',
    );
    const ok = { ...rule, channels: [{ channelKind: 'slack' }] };
    expect(errorOf(() => load({ org: { rules: [ok] }, project: { rules: [ok] } }))).toContain(
      'duplicate rule key "r"',
    );
    const env = { SLACK_TOKEN: 't' };
    expect(errorOf(() => load({ org: { channels: [slack, slack] } }, env))).toContain(
      'duplicate channel "ops"',
    );
  });

  it('requires a long enough FIXLOOP_SECRET_KEY and reads FIXLOOP_TELEGRAM_POLLING', () => {
    expect(errorOf(() => load({}, { FIXLOOP_SECRET_KEY: 'short' }))).toContain('FIXLOOP_SECRET_KEY');
    expect(load({}, { FIXLOOP_TELEGRAM_POLLING: 'true' }).telegramPolling).toBe(true);
    expect(load({}).secretKey).toBeNull();
  });
});
