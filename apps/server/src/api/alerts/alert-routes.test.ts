import { DEFAULT_PROJECT_SETTINGS } from '@fixloop/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BACKENDS } from '../../testing/test-fixloop.ts';
import { createTestUserToken, TestApiClient } from '../../testing/test-api-client.ts';
import { startAlertingFixture } from '../../testing/alerting-fixture.ts';
import type { AlertingFixture } from '../../testing/alerting-fixture.ts';

interface ChannelJson {
  id: string;
  kind: string;
  name: string;
  config: Record<string, unknown>;
  hasSecret: boolean;
  secretFields: string[];
  allowPrivateNetworks: boolean;
  maxPerMinute: number | null;
  telegramWebhookUrl?: string;
}
interface RuleJson {
  id: string;
  name: string;
  enabled: boolean;
  source: string;
  triggers: { type: string }[];
  filters: Record<string, unknown>;
  throttle: { windowMinutes: number; digestThreshold: number };
  snoozedUntil: string | null;
}
interface ErrorJson {
  detail: string;
  errors?: Record<string, string[]>;
}

const CHANNELS = '/api/0/organizations/default/alert-channels/';
const RULES = '/api/0/projects/default/default/alert-rules/';
const SECRET = 'https://93.184.215.14/services/T000/B000/very-secret-webhook-token';

describe.each(TEST_BACKENDS)('alert channel, rule and delivery API (%s)', (backend) => {
  let f: AlertingFixture;
  let admin: TestApiClient;
  let viewer: TestApiClient;
  let stranger: TestApiClient;
  let webhookChannel: ChannelJson;

  beforeAll(async () => {
    f = await startAlertingFixture(backend);
    const storage = f.t.fixloop.storage;
    const token = async (organization: string, role: 'admin' | 'viewer' | 'owner') =>
      new TestApiClient(f.t.fixloop.url, (await createTestUserToken(storage, { organization, role })).token);
    admin = await token('default', 'admin');
    viewer = await token('default', 'viewer');
    await storage.projects.createOrganization({ slug: 'other', name: 'Other' });
    stranger = await token('other', 'owner');
  });
  afterAll(async () => {
    await f?.stop();
  });

  it('creates a channel and never returns its secrets (create, list, get, update, audit log)', async () => {
    const created = await f.api.post<ChannelJson>(CHANNELS, {
      name: 'hooks',
      kind: 'webhook',
      allowPrivateNetworks: true,
      config: { url: `${f.fake.baseUrl}/hook`, secret: 'hmac-secret-value', format: 'sentry' },
      maxPerMinute: 30,
    });
    expect(created.status).toBe(201);
    webhookChannel = created.body;
    expect(created.body).toMatchObject({ kind: 'webhook', hasSecret: true, secretFields: ['secret'] });
    expect(created.body.config).toMatchObject({ url: `${f.fake.baseUrl}/hook`, format: 'sentry' });
    expect(created.body.config['secret']).toBeUndefined();
    const slack = await f.api.post<ChannelJson>(CHANNELS, {
      name: 'slack-hook',
      kind: 'slack',
      config: { webhookUrl: SECRET },
    });
    expect(slack.status).toBe(201);
    const telegram = await f.api.post<ChannelJson>(CHANNELS, {
      name: 'tg',
      kind: 'telegram',
      config: { botToken: '123456:telegram-bot-token', chatId: 42 },
    });
    expect(telegram.status).toBe(201);
    expect(telegram.body.telegramWebhookUrl).toMatch(
      /\/api\/0\/integrations\/telegram\/webhook\/[0-9a-f]{40}\/$/,
    );
    expect(slack.body).toMatchObject({
      slackInteractivityUrl: expect.stringMatching(/\/api\/0\/integrations\/slack\/interactive\/$/),
      slackCommandsUrl: expect.stringMatching(/\/api\/0\/integrations\/slack\/commands\/$/),
    });
    const updated = await f.api.put<ChannelJson>(`${CHANNELS}${slack.body.id}/`, { name: 'slack-renamed' });
    expect(updated.status).toBe(200);
    expect(updated.body.secretFields).toEqual(['webhookUrl']);
    const all = JSON.stringify([
      created.body,
      slack.body,
      telegram.body,
      updated.body,
      (await f.api.get(CHANNELS)).body,
      (await f.api.get(`${CHANNELS}${slack.body.id}/`)).body,
      await f.t.fixloop.storage.audit.list({ limit: 100, offset: 0 }),
    ]);
    for (const secret of ['hmac-secret-value', 'very-secret-webhook-token', 'telegram-bot-token', 'v1:']) {
      expect(all).not.toContain(secret);
    }
    // Stored sealed, not in clear text.
    const stored = await f.t.fixloop.storage.alerts.getChannel(Number(slack.body.id));
    expect(String(stored?.config['webhookUrl'])).toMatch(/^v1:/);
  });

  it('keeps a secret that an update leaves out, and still sends with it', async () => {
    const put = await f.api.put<ChannelJson>(`${CHANNELS}${webhookChannel.id}/`, {
      config: { format: 'slack' },
    });
    expect(put.status).toBe(200);
    expect(put.body.secretFields).toEqual(['secret']);
    expect(put.body.maxPerMinute).toBe(30);
    const test = await f.api.post<{ status: string; kind: string }>(`${CHANNELS}${webhookChannel.id}/test/`);
    expect(test.status).toBe(200);
    expect(test.body).toMatchObject({ status: 'sent', kind: 'test' });
    const [request] = await f.fake.waitFor('/hook');
    expect(request?.headers['sentry-hook-signature']).toMatch(/^[0-9a-f]{64}$/);
    expect(request?.json).toHaveProperty('blocks');
  });

  it('answers 400 with the offending field', async () => {
    const cases: [unknown, string][] = [
      [{ kind: 'slack', config: { webhookUrl: SECRET } }, 'name'],
      [{ name: 'x', kind: 'carrier-pigeon', config: {} }, 'kind'],
      [{ name: 'x', kind: 'slack', config: { botToken: 'xoxb-1' } }, 'config.channel'],
      [{ name: 'x', kind: 'webhook', config: { url: 'ftp://example.com/' } }, 'config.url'],
      [{ name: 'x', kind: 'discord', config: { webhookUrl: 'http://127.0.0.1:9/x' } }, 'config.webhookUrl'],
      [{ name: 'x', kind: 'webhook', config: { url: 'http://10.0.0.8/x' } }, 'config.url'],
      [
        {
          name: 'x',
          kind: 'email',
          config: { host: '127.0.0.1', port: 25, from: 'a@b.test', to: ['c@d.test'] },
        },
        'config.host',
      ],
      [{ name: 'x', kind: 'slack', config: { webhookUrl: SECRET }, maxPerMinute: 0 }, 'maxPerMinute'],
      [
        {
          name: 'x',
          kind: 'slack',
          config: { webhookUrl: SECRET },
          quietHours: { start: '25:00', end: '07:00' },
        },
        'quietHours.start',
      ],
    ];
    for (const [body, field] of cases) {
      const res = await f.api.post<ErrorJson>(CHANNELS, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.body.errors ?? {}), JSON.stringify(res.body)).toContain(field);
    }
    const rules: [unknown, string][] = [
      [{ name: 'r', triggers: [], channels: [{ channelKind: 'slack' }] }, 'triggers'],
      [
        {
          name: 'r',
          triggers: [{ type: 'schedule', cron: '61 * * * *', report: 'daily_summary' }],
          channels: [{ channelKind: 'email' }],
        },
        'triggers.0.cron',
      ],
      [{ name: 'r', triggers: [{ type: 'new_issue' }], channels: [{ channelId: '999999' }] }, 'channels.0'],
      [
        {
          name: 'r',
          triggers: [{ type: 'new_issue' }],
          channels: [{ channelKind: 'slack' }],
          filters: { levels: ['loud'] },
        },
        'filters.levels.0',
      ],
    ];
    for (const [body, field] of rules) {
      const res = await f.api.post<ErrorJson>(RULES, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.body.errors ?? {}), JSON.stringify(res.body)).toContain(field);
    }
    expect((await f.api.get(`${CHANNELS}abc/`)).status).toBe(400);
    expect((await f.api.get('/api/0/organizations/default/alert-deliveries/?status=lost')).status).toBe(400);
  });

  it('seeds the three default rules, and a partial update changes only what it names', async () => {
    const list = await f.api.get<RuleJson[]>(RULES);
    expect(list.status).toBe(200);
    expect(list.body.filter((r) => r.source === 'default').map((r) => r.name)).toEqual([
      'New blocking issue',
      'Critical events (every 10 minutes)',
      'Daily summary',
    ]);
    const created = await f.api.post<RuleJson>(RULES, {
      name: 'Prod regressions',
      enabled: false,
      triggers: [{ type: 'regression' }],
      filters: { environments: ['production'] },
      channels: [{ channelId: webhookChannel.id }],
      throttle: { windowMinutes: 5, digestThreshold: 3 },
      snoozedUntil: '2030-01-01T00:00:00Z',
    });
    expect(created.status).toBe(201);
    expect(created.body.filters).toEqual({ environments: ['production'], projectIds: [f.t.projectId] });
    const renamed = await f.api.put<RuleJson>(`${RULES}${created.body.id}/`, { name: 'Renamed' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      name: 'Renamed',
      enabled: false,
      filters: { environments: ['production'], projectIds: [f.t.projectId] },
      throttle: { windowMinutes: 5, digestThreshold: 3 },
      snoozedUntil: '2030-01-01T00:00:00.000Z',
    });
    expect((await f.api.delete(`${RULES}${created.body.id}/`)).status).toBe(204);
    expect((await f.api.get(`${RULES}${created.body.id}/`)).status).toBe(404);
  });

  it('enforces scopes: viewers read, admins may not open private networks', async () => {
    const seen = await viewer.get<ChannelJson[]>(CHANNELS);
    expect(seen.status).toBe(200);
    // The Telegram webhook URL carries the secret Telegram calls back with: writers only.
    const tg = seen.body.find((c) => c.kind === 'telegram');
    expect(tg).toBeDefined();
    expect(tg?.telegramWebhookUrl).toBeUndefined();
    expect((await viewer.get('/api/0/organizations/default/alert-deliveries/')).status).toBe(200);
    const body = { name: 'v', kind: 'slack', config: { webhookUrl: SECRET } };
    expect((await viewer.post(CHANNELS, body)).status).toBe(403);
    expect((await viewer.post(`${CHANNELS}${webhookChannel.id}/test/`)).status).toBe(403);
    expect(
      (
        await viewer.post(RULES, {
          name: 'r',
          triggers: [{ type: 'new_issue' }],
          channels: [{ channelKind: 'slack' }],
        })
      ).status,
    ).toBe(403);
    expect((await admin.post(CHANNELS, { ...body, allowPrivateNetworks: true })).status).toBe(403);
    expect((await admin.post(CHANNELS, { ...body, systemAlerts: true })).status).toBe(403);
    expect((await admin.post(CHANNELS, body)).status).toBe(201);
  });

  it("hides one organization's channels, rules and deliveries from another (404)", async () => {
    const channel = `${CHANNELS}${webhookChannel.id}/`;
    expect((await stranger.get(CHANNELS)).status).toBe(404);
    expect((await stranger.get(channel)).status).toBe(404);
    expect((await stranger.put(channel, { name: 'mine' })).status).toBe(404);
    expect((await stranger.delete(channel)).status).toBe(404);
    expect((await stranger.post(`${channel}test/`)).status).toBe(404);
    expect((await stranger.get(RULES)).status).toBe(404);
    expect((await stranger.get('/api/0/organizations/default/alert-deliveries/')).status).toBe(404);
    // Their own organization: a channel id of ours is not theirs, and a rule cannot point at it.
    expect(
      (await stranger.get(`/api/0/organizations/other/alert-channels/${webhookChannel.id}/`)).status,
    ).toBe(404);
    const project = await f.t.fixloop.storage.projects.createProject({
      organizationId: (await f.t.fixloop.storage.projects.getOrganizationBySlug('other'))!.id,
      slug: 'theirs',
      name: 'Theirs',
      platform: null,
      settings: DEFAULT_PROJECT_SETTINGS,
    });
    const theirRule = await stranger.post<ErrorJson>(`/api/0/projects/other/${project.slug}/alert-rules/`, {
      name: 'steal',
      triggers: [{ type: 'new_issue' }],
      channels: [{ channelId: webhookChannel.id }],
    });
    expect(theirRule.status).toBe(400);
    expect(theirRule.body.errors).toHaveProperty('channels.0');
    const mine = (await stranger.get<unknown[]>('/api/0/organizations/other/alert-deliveries/')).body;
    expect(mine).toEqual([]);
  });

  it('lists the delivery log newest first with cursor pagination and filters', async () => {
    for (let i = 0; i < 3; i++) await f.api.post(`${CHANNELS}${webhookChannel.id}/test/`);
    const first = await f.api.get<{ id: string; status: string }[]>(
      `/api/0/organizations/default/alert-deliveries/?channel=${webhookChannel.id}&limit=2`,
    );
    expect(first.status).toBe(200);
    expect(first.body).toHaveLength(2);
    expect(Number(first.body[0]!.id)).toBeGreaterThan(Number(first.body[1]!.id));
    const next = /<([^>]+)>; rel="next"; results="true"; cursor="([^"]+)"/.exec(
      first.headers.get('link') ?? '',
    );
    expect(next).not.toBeNull();
    const second = await f.api.get<{ id: string }[]>(
      `/api/0/organizations/default/alert-deliveries/?channel=${webhookChannel.id}&limit=2&cursor=${next![2]}`,
    );
    expect(second.body.length).toBeGreaterThan(0);
    expect(Number(second.body[0]!.id)).toBeLessThan(Number(first.body[1]!.id));
    const failed = await f.api.get<unknown[]>('/api/0/organizations/default/alert-deliveries/?status=failed');
    expect(failed.body).toEqual([]);
  });

  it('deletes a channel (204), audited', async () => {
    expect((await f.api.delete(`${CHANNELS}${webhookChannel.id}/`)).status).toBe(204);
    expect((await f.api.get(`${CHANNELS}${webhookChannel.id}/`)).status).toBe(404);
    const audit = await f.t.fixloop.storage.audit.list({
      action: 'alert_channel.delete',
      limit: 5,
      offset: 0,
    });
    expect(audit.map((a) => a.target)).toContain(`alert_channel:${webhookChannel.id}`);
  });
});
