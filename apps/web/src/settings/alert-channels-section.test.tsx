// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AlertChannel } from '../api/use-alert-channels.ts';
import { renderWithProviders } from '../testing/render-with-providers.tsx';
import { stubApi } from '../testing/stub-api.ts';
import type { StubRoute } from '../testing/stub-api.ts';
import { AlertChannelsSection } from './alert-channels-section.tsx';

afterEach(() => vi.unstubAllGlobals());

const CHANNELS = '/api/0/organizations/acme/alert-channels/';

const channel = (over: Partial<AlertChannel>): AlertChannel => ({
  id: '1',
  kind: 'slack',
  name: 'ops',
  enabled: true,
  source: 'api',
  config: { apiBaseUrl: 'https://slack.com/api' },
  hasSecret: true,
  secretFields: ['webhookUrl'],
  maxPerMinute: null,
  dateCreated: '2026-12-01T00:00:00Z',
  ...over,
});

function renderSection(canEdit: boolean, routes: Record<string, StubRoute> = {}, canAllowPrivate = false) {
  const list = [
    channel({}),
    channel({ id: '2', kind: 'telegram', name: 'oncall', source: 'config', secretFields: ['botToken'] }),
  ];
  const calls = stubApi({ [`GET ${CHANNELS}`]: () => ({ body: list }), ...routes });
  renderWithProviders(
    <AlertChannelsSection org="acme" canEdit={canEdit} canAllowPrivate={canAllowPrivate} />,
  );
  return calls;
}

describe('AlertChannelsSection', () => {
  it('lists channels with kind and source, and hides write actions from non-admins', async () => {
    renderSection(false);
    expect(await screen.findByText('ops')).toBeTruthy();
    expect(screen.getByText(/from the config file/)).toBeTruthy();
    expect(screen.getByText('Telegram')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New channel' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Send test message/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit ops' })).toBeNull();
    expect((screen.getByRole('switch', { name: 'ops enabled' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('keeps config-file channels read-only for admins but lets them test them', async () => {
    renderSection(true);
    await screen.findByText('oncall');
    expect(screen.getByRole('button', { name: 'Edit ops' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Edit oncall' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete oncall' })).toBeNull();
    expect((screen.getByRole('switch', { name: 'oncall enabled' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('button', { name: 'Send test message to oncall' })).toBeTruthy();
  });

  it('creates a Telegram channel with its secret and shows the server field errors', async () => {
    let attempt = 0;
    const calls = renderSection(true, {
      [`POST ${CHANNELS}`]: () =>
        ++attempt === 1
          ? {
              status: 400,
              body: {
                detail: 'Invalid body field "config.chatId"',
                errors: { 'config.chatId': ['Required'] },
              },
            }
          : { status: 201, body: channel({ id: '3', kind: 'telegram', name: 'tg' }) },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'New channel' }));
    const dialog = screen.getByRole('dialog', { name: 'New alert channel' });
    await userEvent.type(within(dialog).getByLabelText('Name'), 'tg');
    await userEvent.selectOptions(within(dialog).getByLabelText('Kind'), 'telegram');
    await userEvent.type(within(dialog).getByLabelText('Bot token (required)'), '123:secret');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create channel' }));
    expect(await within(dialog).findByText('Required')).toBeTruthy();
    await userEvent.type(within(dialog).getByLabelText('Chat id (required)'), '-100');
    await userEvent.type(within(dialog).getByLabelText('Chats allowed to use commands'), '42, 43');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create channel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts[1]?.body).toEqual({
      name: 'tg',
      kind: 'telegram',
      config: { botToken: '123:secret', chatId: '-100', allowedChatIds: ['42', '43'] },
    });
  });

  it('edits a channel without sending back the secret it never received', async () => {
    const calls = renderSection(true, {
      [`PUT ${CHANNELS}1/`]: () => ({ body: channel({ name: 'ops-2' }) }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit ops' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit ops' });
    const secret = within(dialog).getByLabelText('Incoming webhook URL') as HTMLInputElement;
    expect(secret.type).toBe('password');
    expect(secret.value).toBe('');
    expect(secret.placeholder).toMatch(/set; leave empty to keep/);
    await userEvent.type(within(dialog).getByLabelText('Channel id'), 'C42');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save channel' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.body).toEqual({
      name: 'ops',
      config: { channel: 'C42' },
      maxPerMinute: null,
      quietHours: null,
    });
  });

  it('enables, disables and deletes after confirming', async () => {
    const calls = renderSection(true, {
      [`PUT ${CHANNELS}1/`]: () => ({ body: channel({ enabled: false }) }),
      [`DELETE ${CHANNELS}1/`]: () => ({ status: 204 }),
    });
    await userEvent.click(await screen.findByRole('switch', { name: 'ops enabled' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ enabled: false }));
    await userEvent.click(screen.getByRole('button', { name: 'Delete ops' }));
    await userEvent.click(
      within(screen.getByRole('dialog', { name: 'Delete channel ops?' })).getByRole('button', {
        name: 'Delete',
      }),
    );
    await waitFor(() =>
      expect(calls.some((c) => c.method === 'DELETE' && c.url.pathname === `${CHANNELS}1/`)).toBe(true),
    );
  });

  it('sends a test message and shows the delivery result, failed or sent', async () => {
    let n = 0;
    renderSection(true, {
      [`POST ${CHANNELS}1/test/`]: () => ({
        body:
          ++n === 1
            ? { id: '9', status: 'failed', error: 'HTTP 404 no_service', providerMessageId: null }
            : { id: '10', status: 'sent', error: null, providerMessageId: '1712.0001' },
      }),
    });
    const button = await screen.findByRole('button', { name: 'Send test message to ops' });
    await userEvent.click(button);
    expect((await screen.findByRole('status')).textContent).toBe('Test message failed: HTTP 404 no_service.');
    await userEvent.click(button);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Test message sent (message id 1712.0001).'),
    );
  });

  it('lets owners, and only them, allow private network targets', async () => {
    const calls = renderSection(
      true,
      { [`POST ${CHANNELS}`]: () => ({ status: 201, body: channel({ id: '3', kind: 'webhook' }) }) },
      true,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'New channel' }));
    const dialog = screen.getByRole('dialog', { name: 'New alert channel' });
    await userEvent.type(within(dialog).getByLabelText('Name'), 'lan');
    await userEvent.selectOptions(within(dialog).getByLabelText('Kind'), 'webhook');
    await userEvent.type(within(dialog).getByLabelText('URL (required)'), 'http://10.0.0.5/hook');
    await userEvent.click(within(dialog).getByLabelText(/Allow private network addresses/));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create channel' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: 'lan',
      kind: 'webhook',
      config: { url: 'http://10.0.0.5/hook', format: 'sentry' },
      allowPrivateNetworks: true,
    });
  });

  it('does not offer private network targets to admins', async () => {
    renderSection(true);
    await userEvent.click(await screen.findByRole('button', { name: 'New channel' }));
    expect(screen.queryByLabelText(/Allow private network addresses/)).toBeNull();
  });

  it('registers a Telegram bot webhook and reports what Telegram said', async () => {
    let answer = 0;
    const calls = renderSection(true, {
      [`POST ${CHANNELS}2/telegram-webhook/`]: () =>
        ++answer === 1
          ? {
              status: 400,
              body: { detail: 'Telegram refused the webhook: bad webhook: HTTPS url must be provided' },
            }
          : {
              body: { ok: true, url: 'https://fixloop.example.com/api/0/integrations/telegram/webhook/abc/' },
            },
    });
    const button = await screen.findByRole('button', { name: 'Register the bot webhook of oncall' });
    expect(screen.queryByRole('button', { name: 'Register the bot webhook of ops' })).toBeNull();
    await userEvent.click(button);
    expect(await screen.findByText(/HTTPS url must be provided/)).toBeTruthy();
    await userEvent.click(button);
    expect(await screen.findByText('Telegram webhook registered')).toBeTruthy();
    expect(calls.filter((c) => c.url.pathname === `${CHANNELS}2/telegram-webhook/`)).toHaveLength(2);
  });

  it('sets quiet hours and keeps the severities an existing channel lets through them', async () => {
    const quiet = { start: '23:00', end: '06:00', utcOffsetMinutes: 0, bypassSeverities: ['blocking'] };
    const calls = stubApi({
      [`GET ${CHANNELS}`]: () => ({ body: [channel({ quietHours: quiet, maxPerMinute: 5 })] }),
      [`PUT ${CHANNELS}1/`]: () => ({ body: channel({}) }),
    });
    renderWithProviders(<AlertChannelsSection org="acme" canEdit />);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit ops' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit ops' });
    expect((within(dialog).getByLabelText('Quiet hours from') as HTMLInputElement).value).toBe('23:00');
    await userEvent.clear(within(dialog).getByLabelText('Quiet hours from'));
    await userEvent.type(within(dialog).getByLabelText('Quiet hours from'), '22:00');
    await userEvent.clear(within(dialog).getByLabelText('UTC offset of quiet hours (minutes)'));
    await userEvent.type(within(dialog).getByLabelText('UTC offset of quiet hours (minutes)'), '120');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save channel' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toMatchObject({
      maxPerMinute: 5,
      quietHours: { start: '22:00', end: '06:00', utcOffsetMinutes: 120, bypassSeverities: ['blocking'] },
    });
  });
});
