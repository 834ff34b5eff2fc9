import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordNotifier, WebhookNotifier } from '../src/index.ts';
import { contractMessage } from './contract-message.ts';
import { FakeProviderServer } from './fake-provider-server.ts';

describe('notifiers apply the SSRF policy to outgoing URLs', () => {
  let fake: FakeProviderServer;
  beforeAll(async () => {
    fake = await FakeProviderServer.start(() => ({ status: 200, body: '{}' }));
  });
  afterAll(() => fake.close());

  it('refuses a loopback webhook by default, without sending anything', async () => {
    const notifiers = [
      new WebhookNotifier({
        kind: 'webhook',
        url: `${fake.baseUrl}/hook`,
        format: 'sentry',
        installationUuid: 'x',
      }),
      new DiscordNotifier({ kind: 'discord', webhookUrl: `${fake.baseUrl}/api/webhooks/1/x` }),
    ];
    for (const notifier of notifiers) {
      const result = await notifier.send(contractMessage(), {});
      expect(result).toEqual({
        ok: false,
        retryable: false,
        error: expect.stringContaining('blocked outgoing URL: 127.0.0.1 resolves to a loopback address'),
      });
    }
    expect(fake.requests).toEqual([]);
  });

  it('sends once the admin allows private networks', async () => {
    const notifier = new WebhookNotifier(
      { kind: 'webhook', url: `${fake.baseUrl}/hook`, format: 'sentry', installationUuid: 'x' },
      { allowPrivateNetworks: true },
    );
    expect((await notifier.send(contractMessage(), {})).ok).toBe(true);
    expect(fake.requests).toHaveLength(1);
  });
});
