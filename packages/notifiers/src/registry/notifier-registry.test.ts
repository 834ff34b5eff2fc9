import { describe, expect, it } from 'vitest';
import { SecretBox } from '../security/secret-box.ts';
import { CHANNEL_SECRET_FIELDS, redactChannelSecrets, sealChannelSecrets } from './channel-secrets.ts';
import { createNotifierRegistry, NotifierRegistry } from './notifier-registry.ts';

const configs = [
  { kind: 'slack', webhookUrl: 'https://hooks.slack.com/services/T/B/X' },
  { kind: 'slack', botToken: 'xoxb-1', channel: 'C1' },
  { kind: 'telegram', botToken: '1:abc', chatId: -100123, allowedChatIds: [-100123] },
  { kind: 'email', host: 'smtp.example.com', from: 'alerts@example.com', to: ['ops@example.com'] },
  { kind: 'discord', webhookUrl: 'https://discord.com/api/webhooks/1/x' },
  { kind: 'webhook', url: 'https://example.com/hook', secret: 's' },
  { kind: 'pagerduty', routingKey: 'a'.repeat(32) },
];

describe('NotifierRegistry', () => {
  it('builds a notifier for every channel kind from a valid configuration', () => {
    const registry = createNotifierRegistry();
    expect(registry.kinds().sort()).toEqual([
      'discord',
      'email',
      'pagerduty',
      'slack',
      'telegram',
      'webhook',
    ]);
    for (const config of configs) {
      const created = registry.create(config);
      expect(created.ok, config.kind).toBe(true);
      expect(created.ok && created.notifier.channel).toBe(config.kind);
    }
    const telegram = registry.create(configs[2]);
    expect(telegram.ok && telegram.config).toMatchObject({
      chatId: '-100123',
      apiBaseUrl: 'https://api.telegram.org',
    });
  });

  it('reports invalid configurations with the failing paths', () => {
    const registry = createNotifierRegistry();
    const cases: Array<[unknown, string]> = [
      [{ kind: 'slack' }, ''],
      [{ kind: 'slack', botToken: 'x' }, 'channel'],
      [{ kind: 'pagerduty', routingKey: 'short' }, 'routingKey'],
      [{ kind: 'webhook', url: 'ftp://example.com' }, 'url'],
      [{ kind: 'email', host: 'h', from: 'a@b.c', to: ['not-an-email'] }, 'to.0'],
      [{ kind: 'carrier-pigeon' }, 'kind'],
      [null, 'kind'],
    ];
    for (const [config, path] of cases) {
      const created = registry.create(config);
      expect(created.ok).toBe(false);
      expect(!created.ok && created.issues.map((i) => i.path), JSON.stringify(config)).toContain(path);
    }
  });

  it('opens sealed secrets with the SecretBox before validating', () => {
    const box = new SecretBox('master secret for tests');
    const stored = sealChannelSecrets(
      { kind: 'webhook', url: 'https://example.com/hook', secret: 'whsec' },
      box,
    );
    expect(stored.secret).toMatch(/^v1:/);
    expect(sealChannelSecrets(stored, box).secret).toBe(stored.secret);
    expect(redactChannelSecrets(stored).secret).toBe('[secret]');
    const created = createNotifierRegistry({}, box).create(stored);
    expect(created.ok && created.config).toMatchObject({ secret: 'whsec' });
    const wrongKey = createNotifierRegistry({}, new SecretBox('some other master key')).create(stored);
    expect(wrongKey).toMatchObject({ ok: false, error: expect.stringContaining('cannot be decrypted') });
    expect(CHANNEL_SECRET_FIELDS.telegram).toEqual(['botToken']);
  });

  it('says so when no factory is registered for a valid kind', () => {
    const created = new NotifierRegistry().create(configs[0]);
    expect(created).toEqual({ ok: false, error: 'no notifier registered for slack', issues: [] });
  });
});
