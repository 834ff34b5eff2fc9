import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTLE_MS } from './settled-rows.ts';
import { TEST_BACKENDS } from '../testing/test-fixloop.ts';
import { runAlertTick, sendEvent, startAlertingFixture, until } from '../testing/alerting-fixture.ts';
import type { AlertingFixture } from '../testing/alerting-fixture.ts';
import { FakeProviderServer } from '../testing/fake-provider-server.ts';

const BOT = '123456:telegram-token';
const ALLOWED_CHAT = 4242;

/** Channels and rules declared in the config file (secrets by env reference), pointing at the fakes. */
function configFile(base: string) {
  const local = { allowPrivateNetworks: true };
  return {
    organizations: [
      {
        slug: 'default',
        name: 'Default',
        projects: [{ slug: 'default', name: 'Default' }],
        alerts: {
          channels: [
            {
              ...local,
              name: 'tg',
              kind: 'telegram',
              botToken: 'env:TG_TOKEN',
              chatId: -1001,
              allowedChatIds: [ALLOWED_CHAT],
              apiBaseUrl: `${base}/telegram`,
            },
            { ...local, name: 'discord', kind: 'discord', webhookUrl: `${base}/discord/api/webhooks/1/abc` },
            {
              ...local,
              name: 'pd',
              kind: 'pagerduty',
              routingKey: 'env:PD_KEY',
              apiBaseUrl: `${base}/pagerduty`,
            },
            {
              ...local,
              name: 'hook',
              kind: 'webhook',
              url: `${base}/receiver`,
              secret: 'env:HOOK_SECRET',
              installationUuid: 'inst-1',
            },
          ],
          rules: [
            {
              key: 'all-new',
              name: 'All new issues',
              triggers: [{ type: 'new_issue' }],
              channels: [{ channel: 'tg' }, { channel: 'discord' }, { channel: 'pd' }, { channel: 'hook' }],
            },
            {
              key: 'resolves',
              name: 'Resolved',
              triggers: [{ type: 'resolved' }],
              channels: [{ channel: 'pd' }, { channel: 'hook' }],
            },
          ],
        },
      },
    ],
  };
}

interface TelegramSend {
  chat_id: string;
  text: string;
  parse_mode: string;
  reply_parameters?: { message_id: number };
}

describe.each(TEST_BACKENDS)('config-file channels end to end (%s)', (backend) => {
  let f: AlertingFixture;
  let webhookPath: string;
  let issueId: number;
  let nextUpdate = 1;
  let fake: FakeProviderServer;

  const command = async (text: string, chatId = ALLOWED_CHAT) => {
    const before = fake.to(`/telegram/bot${BOT}/sendMessage`).length;
    const response = await fetch(f.t.url(webhookPath), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-telegram-bot-api-secret-token': webhookPath.split('/')[6]!,
      },
      body: JSON.stringify({
        update_id: nextUpdate++,
        message: { message_id: 500 + nextUpdate, chat: { id: chatId }, from: { id: 7 }, text },
      }),
    });
    expect(response.status).toBe(200);
    return before;
  };
  const answerTo = async (text: string) => {
    const before = await command(text);
    const sends = await fake.waitFor(`/telegram/bot${BOT}/sendMessage`, before + 1);
    return sends[before]!.json as unknown as TelegramSend;
  };

  beforeAll(async () => {
    // The fake must exist before the config file that names it.
    fake = await FakeProviderServer.start();
    f = await startAlertingFixture(backend, {
      configFile: configFile(fake.baseUrl),
      env: { TG_TOKEN: BOT, PD_KEY: 'R0UTINGKEY0000000000000000000000', HOOK_SECRET: 'hook-secret' },
      fake,
    });
    const channels = await f.api.get<{ name: string; source: string; telegramWebhookUrl?: string }[]>(
      '/api/0/organizations/default/alert-channels/',
    );
    expect(channels.body.map((c) => [c.name, c.source])).toEqual([
      ['tg', 'config'],
      ['discord', 'config'],
      ['pd', 'config'],
      ['hook', 'config'],
    ]);
    webhookPath = new URL(channels.body[0]!.telegramWebhookUrl!).pathname;
  });
  afterAll(async () => {
    await f?.stop();
  });

  it('alerts a new issue on Telegram, Discord, PagerDuty and a signed Sentry-format webhook', async () => {
    await sendEvent(f.t, { environment: 'production', user: { email: 'ana@example.com' } });
    const [tg] = await fake.waitFor(`/telegram/bot${BOT}/sendMessage`);
    const telegram = tg!.json as unknown as TelegramSend;
    expect(telegram).toMatchObject({ chat_id: '-1001', parse_mode: 'HTML' });
    expect(telegram.text).toContain('TypeError: boom');
    expect(telegram.text).not.toContain('ana@example.com');

    const [discord] = await fake.waitFor('/discord/api/webhooks/1/abc');
    expect(discord!.path).toBe('/discord/api/webhooks/1/abc?wait=true');
    const embed = (discord!.json as { embeds: { title: string }[]; allowed_mentions: unknown }).embeds[0];
    expect(embed?.title).toContain('TypeError: boom');
    expect(discord!.json?.['allowed_mentions']).toEqual({ parse: [] });

    const [pd] = await fake.waitFor('/pagerduty/v2/enqueue');
    const trigger = pd!.json as { routing_key: string; event_action: string; dedup_key: string };
    expect(trigger).toMatchObject({
      routing_key: 'R0UTINGKEY0000000000000000000000',
      event_action: 'trigger',
    });
    expect(trigger.dedup_key).toMatch(/^fixloop-issue-\d+$/);
    issueId = Number(trigger.dedup_key.split('-').pop());

    const [hook] = await fake.waitFor('/receiver');
    expect(hook!.headers['sentry-hook-resource']).toBe('issue');
    const expected = createHmac('sha256', 'hook-secret').update(hook!.body).digest('hex');
    expect(hook!.headers['sentry-hook-signature']).toBe(expected);
    expect(hook!.json).toMatchObject({
      action: 'created',
      installation: { uuid: 'inst-1' },
      data: { issue: { id: String(issueId) } },
    });

    const deliveries = await until(async () => {
      const rows = (
        await f.api.get<{ status: string; channelKind: string }[]>(
          '/api/0/organizations/default/alert-deliveries/?status=sent',
        )
      ).body;
      return rows.length >= 4 ? rows : null;
    });
    expect(deliveries.map((d) => d.channelKind).sort()).toEqual([
      'discord',
      'pagerduty',
      'telegram',
      'webhook',
    ]);
  });

  it('answers /help and /errors to an allow-listed chat, in reply to the command', async () => {
    const help = await answerTo('/help');
    expect(help.chat_id).toBe(String(ALLOWED_CHAT));
    expect(help.reply_parameters?.message_id).toBeGreaterThan(500);
    expect(help.text).toContain('/resolve');
    const errors = await answerTo('/errors');
    expect(errors.text).toContain('DEFAULT-1');
    expect(errors.text).toContain('TypeError: boom');
    const stats = await answerTo('/stats 24h');
    expect(stats.text).toMatch(/Events: 1 \(before: 0\)/);
  });

  it('ignores commands from chats that are not allow-listed', async () => {
    const before = await command('/resolve DEFAULT-1', 999);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(fake.to(`/telegram/bot${BOT}/sendMessage`)).toHaveLength(before);
    expect((await f.t.fixloop.storage.issues.getIssue(issueId))?.status).toBe('unresolved');
  });

  it('refuses a webhook call with the wrong secret', async () => {
    const wrong = webhookPath.replace(/[0-9a-f]{40}/, 'f'.repeat(40));
    const response = await fetch(f.t.url(wrong), {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(404);
  });

  it('/resolve resolves the issue, audits it, and on the next tick PagerDuty and the webhook hear about it', async () => {
    const answer = await answerTo('/resolve DEFAULT-1');
    expect(answer.text).toContain('Resolved');
    expect((await f.t.fixloop.storage.issues.getIssue(issueId))?.status).toBe('resolved');
    const audit = await f.t.fixloop.storage.audit.list({ action: 'issue.update', limit: 5, offset: 0 });
    expect(audit[0]?.actor).toBe(`telegram:${ALLOWED_CHAT}/7`);
    // The next alert tick reads the resolve from the activity log.
    // Rows are read once they have settled (a few seconds), so a later tick picks this one up.
    f.clock.advance(SETTLE_MS);
    await runAlertTick(f.t, f.clock, f.clock.now());
    const pd = await fake.waitFor('/pagerduty/v2/enqueue', 2);
    expect(pd[1]!.json).toMatchObject({ event_action: 'resolve', dedup_key: `fixloop-issue-${issueId}` });
    const hooks = await fake.waitFor('/receiver', 2);
    expect(hooks[1]!.json).toMatchObject({ action: 'resolved', data: { issue: { id: String(issueId) } } });
  });

  it('/investigate queues an investigation of the issue', async () => {
    const before = await f.t.fixloop.storage.investigations.listForIssue(issueId, { limit: 10, offset: 0 });
    const answer = await answerTo(`/investigate ${issueId}`);
    expect(answer.text).toContain('Investigation queued');
    const after = await f.t.fixloop.storage.investigations.listForIssue(issueId, { limit: 10, offset: 0 });
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]?.trigger).toBe('manual');
    const audit = await f.t.fixloop.storage.audit.list({
      action: 'investigation.request',
      limit: 1,
      offset: 0,
    });
    expect(audit[0]).toMatchObject({ actor: `telegram:${ALLOWED_CHAT}/7`, target: `issue:${issueId}` });
    const unknown = await answerTo('/investigate NOPE-9');
    expect(unknown.text).toContain('No issue NOPE-9 here.');
  });

  it('shows config-file rules with the project rules, and refuses API edits of what the file manages (409)', async () => {
    const rules = await f.api.get<
      { id: string; key: string | null; project: string | null; source: string }[]
    >('/api/0/projects/default/default/alert-rules/');
    const fromFile = rules.body.filter((r) => r.source === 'config');
    expect(fromFile.map((r) => [r.key, r.project])).toEqual([
      ['config:all-new', null],
      ['config:resolves', null],
    ]);
    const rulePath = `/api/0/projects/default/default/alert-rules/${fromFile[0]!.id}/`;
    expect((await f.api.get(rulePath)).status).toBe(200);
    expect((await f.api.put(rulePath, { enabled: false })).status).toBe(409);
    expect((await f.api.delete(rulePath)).status).toBe(409);
    const channels = await f.api.get<{ id: string }[]>('/api/0/organizations/default/alert-channels/');
    const channelPath = `/api/0/organizations/default/alert-channels/${channels.body[0]!.id}/`;
    expect((await f.api.put(channelPath, { name: 'renamed' })).status).toBe(409);
    expect((await f.api.delete(channelPath)).status).toBe(409);
    const test = await f.api.post<{ status: string }>(`${channelPath}test/`);
    expect(test.body.status).toBe('sent');
  });

  it('registers the bot webhook with Telegram (setWebhook with the URL and its secret token)', async () => {
    const channels = await f.api.get<{ id: string; kind: string; telegramWebhookUrl?: string }[]>(
      '/api/0/organizations/default/alert-channels/',
    );
    const tg = channels.body.find((c) => c.kind === 'telegram')!;
    const path = (id: string) => `/api/0/organizations/default/alert-channels/${id}/telegram-webhook/`;
    const done = await f.api.post<{ ok: boolean; url: string }>(path(tg.id));
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ ok: true, url: tg.telegramWebhookUrl });
    const [call] = await fake.waitFor(`/telegram/bot${BOT}/setWebhook`);
    expect(call!.json).toEqual({
      url: tg.telegramWebhookUrl,
      secret_token: tg.telegramWebhookUrl!.split('/').at(-2),
      allowed_updates: ['message'],
    });
    fake.failNext(400);
    expect((await f.api.post(path(tg.id))).status).toBe(400);
    const discord = channels.body.find((c) => c.kind === 'discord')!;
    expect((await f.api.post(path(discord.id))).status).toBe(400);
  });
});
