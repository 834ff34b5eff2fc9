import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BACKENDS } from '../testing/test-fixloop.ts';
import { sendEvent, startAlertingFixture, until } from '../testing/alerting-fixture.ts';
import type { AlertingFixture } from '../testing/alerting-fixture.ts';

const BOT = '777:polling-token';

describe.each(TEST_BACKENDS)('Telegram bot by long polling (%s)', (backend) => {
  let f: AlertingFixture;

  beforeAll(async () => {
    f = await startAlertingFixture(backend, { env: { FIXLOOP_TELEGRAM_POLLING: 'true' } });
    const channel = await f.api.post('/api/0/organizations/default/alert-channels/', {
      name: 'tg',
      kind: 'telegram',
      allowPrivateNetworks: true,
      config: { botToken: BOT, chatId: 55, apiBaseUrl: `${f.fake.baseUrl}/telegram` },
    });
    expect(channel.status).toBe(201);
  });
  afterAll(async () => {
    await f?.stop();
  });

  it('answers commands it polls with getUpdates, each update once, and moves the offset on', async () => {
    const eventId = await sendEvent(f.t);
    await until(() => f.t.fixloop.storage.events.getEvent(f.t.projectId, eventId));
    f.fake.telegramUpdates.push({
      update_id: 900,
      message: { message_id: 3, chat: { id: 55 }, from: { id: 1 }, text: '/errors' },
    } as { update_id: number });
    const [reply] = await f.fake.waitFor(`/telegram/bot${BOT}/sendMessage`, 1, 20_000);
    expect(reply!.json).toMatchObject({ chat_id: '55', reply_parameters: { message_id: 3 } });
    expect(String(reply!.json?.['text'])).toContain('TypeError: boom');
    const polls = await until(async () => {
      const all = f.fake.to(`/telegram/bot${BOT}/getUpdates`);
      return all.some((p) => p.json?.['offset'] === 901) ? all : null;
    }, 20_000);
    expect(polls[0]!.json).toMatchObject({ allowed_updates: ['message'] });
    expect(f.fake.to(`/telegram/bot${BOT}/sendMessage`)).toHaveLength(1);
  });
});
