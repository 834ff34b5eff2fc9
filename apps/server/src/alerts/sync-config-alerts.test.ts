import { SecretBox } from '@fixloop/notifiers';
import type { OrganizationBootstrap } from '@fixloop/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BACKENDS } from '../testing/test-fixloop.ts';
import { startAlertingFixture } from '../testing/alerting-fixture.ts';
import type { AlertingFixture } from '../testing/alerting-fixture.ts';
import { syncConfigAlerts } from './sync-config-alerts.ts';

describe.each(TEST_BACKENDS)('config file sync of alert channels (%s)', (backend) => {
  let f: AlertingFixture;

  beforeAll(async () => {
    f = await startAlertingFixture(backend);
  });
  afterAll(async () => {
    await f?.stop();
  });

  it('takes over an API channel of the same name: kind, settings and source follow the file', async () => {
    const made = await f.api.post<{ id: string }>('/api/0/organizations/default/alert-channels/', {
      name: 'ops',
      kind: 'slack',
      config: { webhookUrl: 'https://93.184.215.14/hook' },
    });
    expect(made.status).toBe(201);
    const organization: OrganizationBootstrap = {
      slug: 'default',
      name: 'Default',
      projects: [],
      alerts: {
        channels: [
          {
            name: 'ops',
            kind: 'telegram',
            enabled: true,
            allowPrivateNetworks: false,
            systemAlerts: false,
            policy: { quietHours: null, maxPerMinute: null },
            config: { kind: 'telegram', botToken: '1:abc', chatId: '42', allowedChatIds: [] },
          },
        ],
        rules: [],
      },
    };
    const storage = f.t.fixloop.storage;
    await syncConfigAlerts(
      storage,
      [organization],
      new SecretBox('alerting-test-master-key-0123456789'),
      f.clock.now(),
    );
    const channel = await storage.alerts.getChannel(Number(made.body.id));
    expect(channel).toMatchObject({ kind: 'telegram', source: 'config', name: 'ops' });
    expect(String(channel?.config['botToken'])).toMatch(/^v1:/);
    const path = `/api/0/organizations/default/alert-channels/${made.body.id}/`;
    expect((await f.api.put(path, { name: 'mine' })).status).toBe(409);
    // Removed from the file: gone with the next start.
    await syncConfigAlerts(
      storage,
      [{ ...organization, alerts: { channels: [], rules: [] } }],
      new SecretBox('alerting-test-master-key-0123456789'),
      f.clock.now(),
    );
    expect(await storage.alerts.getChannel(Number(made.body.id))).toBeNull();
  });
});
