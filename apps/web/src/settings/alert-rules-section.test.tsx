// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AlertRule } from '../api/use-alert-rules.ts';
import { renderWithProviders } from '../testing/render-with-providers.tsx';
import { stubApi } from '../testing/stub-api.ts';
import type { StubRoute } from '../testing/stub-api.ts';
import { AlertRulesSection } from './alert-rules-section.tsx';

afterEach(() => vi.unstubAllGlobals());

const RULES = '/api/0/projects/acme/shop/alert-rules/';

const rule = (over: Partial<AlertRule>): AlertRule => ({
  id: '1',
  name: 'New blocking issue',
  enabled: true,
  source: 'default',
  key: null,
  project: 'shop',
  triggers: [{ type: 'new_issue' }],
  filters: { projectIds: [1], severities: ['blocking'] },
  channels: [{ channelKind: 'slack' }],
  throttle: { windowMinutes: 30, digestThreshold: 10 },
  snoozedUntil: null,
  ...over,
});

function renderSection(canEdit: boolean, routes: Record<string, StubRoute> = {}) {
  const calls = stubApi({
    'GET /api/0/organizations/acme/projects/': () => ({ body: [{ id: '1', slug: 'shop', name: 'Shop' }] }),
    'GET /api/0/organizations/acme/alert-channels/': () => ({
      body: [
        {
          id: '7',
          kind: 'telegram',
          name: 'ops-tg',
          enabled: true,
          source: 'api',
          config: {},
          secretFields: [],
        },
      ],
    }),
    [`GET ${RULES}`]: () => ({
      body: [
        rule({}),
        rule({
          id: '2',
          name: 'Pager',
          source: 'config',
          project: null,
          triggers: [{ type: 'spike', windowMinutes: 10, minEvents: 20, ratio: 3 }],
          filters: { environments: ['production'], tags: { component: 'checkout' } },
          channels: [{ channelId: '7' }],
          throttle: { windowMinutes: 15, digestThreshold: 10 },
        }),
      ],
    }),
    ...routes,
  });
  renderWithProviders(<AlertRulesSection org="acme" canEdit={canEdit} />, {
    path: '/organizations/acme/settings/alerts',
  });
  return calls;
}

describe('AlertRulesSection', () => {
  it('lists rules with triggers, filters, channels and throttle, read-only for non-admins', async () => {
    renderSection(false);
    const pager = (await screen.findByText('Pager')).closest('li');
    expect(pager?.textContent).toContain('20+ events in 10 min (×3)');
    expect(pager?.textContent).toContain('production, component=checkout');
    expect(pager?.textContent).toContain('ops-tg');
    expect(pager?.textContent).toContain('throttle 15 min');
    expect(screen.getByText('New blocking issue').closest('li')?.textContent).toContain(
      'every Slack channel',
    );
    expect(screen.queryByRole('button', { name: 'New rule' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Edit rule/ })).toBeNull();
  });

  it('lets admins edit default rules but not config-file ones', async () => {
    renderSection(true);
    await screen.findByText('Pager');
    expect(screen.getByRole('button', { name: 'Edit rule New blocking issue' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Edit rule Pager' })).toBeNull();
    expect((screen.getByRole('switch', { name: 'Rule Pager enabled' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('creates a rule from triggers, filters, channels and throttle', async () => {
    const calls = renderSection(true, {
      [`POST ${RULES}`]: () => ({ status: 201, body: rule({ id: '3', name: 'Checkout' }) }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'New rule' }));
    const dialog = screen.getByRole('dialog', { name: 'New alert rule' });
    const create = within(dialog).getByRole('button', { name: 'Create rule' }) as HTMLButtonElement;
    expect(create.disabled).toBe(true);
    await userEvent.type(within(dialog).getByLabelText('Rule name'), 'Checkout');
    await userEvent.click(within(dialog).getByLabelText('Regression'));
    await userEvent.click(within(dialog).getByLabelText('Error spike'));
    await userEvent.clear(within(dialog).getByLabelText('At least events'));
    await userEvent.type(within(dialog).getByLabelText('At least events'), '50');
    await userEvent.type(within(dialog).getByLabelText('Environments'), 'production, staging');
    await userEvent.type(within(dialog).getByLabelText('Tags'), 'component = checkout');
    await userEvent.click(within(dialog).getByLabelText('fatal'));
    await userEvent.click(within(dialog).getByLabelText('database'));
    expect(within(dialog).getByText('Pick at least one channel.')).toBeTruthy();
    await userEvent.click(within(dialog).getByLabelText('ops-tg (Telegram)'));
    await userEvent.click(within(dialog).getByLabelText('PagerDuty'));
    await userEvent.clear(within(dialog).getByLabelText('Throttle (minutes)'));
    await userEvent.type(within(dialog).getByLabelText('Throttle (minutes)'), '60');
    await userEvent.click(create);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: 'Checkout',
      triggers: [{ type: 'regression' }, { type: 'spike', windowMinutes: 10, minEvents: 50, ratio: 3 }],
      filters: {
        environments: ['production', 'staging'],
        levels: ['fatal'],
        errorClasses: ['database'],
        tags: { component: 'checkout' },
      },
      channels: [{ channelId: '7' }, { channelKind: 'pagerduty' }],
      throttle: { windowMinutes: 60, digestThreshold: 10 },
    });
  });

  it('edits a rule starting from its stored values, disables and deletes it', async () => {
    const calls = renderSection(true, {
      [`PUT ${RULES}1/`]: () => ({ body: rule({}) }),
      [`DELETE ${RULES}1/`]: () => ({ status: 204 }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit rule New blocking issue' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit rule New blocking issue' });
    expect((within(dialog).getByLabelText('blocking') as HTMLInputElement).checked).toBe(true);
    await userEvent.click(within(dialog).getByLabelText('Resolved'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save rule' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.find((c) => c.method === 'PUT')?.body).toMatchObject({
      triggers: [{ type: 'new_issue' }, { type: 'resolved' }],
      filters: { severities: ['blocking'] },
      channels: [{ channelKind: 'slack' }],
    });
    await userEvent.click(screen.getByRole('switch', { name: 'Rule New blocking issue enabled' }));
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toContainEqual({ enabled: false }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Delete rule New blocking issue' }));
    await userEvent.click(
      within(screen.getByRole('dialog', { name: 'Delete rule New blocking issue?' })).getByRole('button', {
        name: 'Delete',
      }),
    );
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE')).toBe(true));
  });

  it('says so when the organization has no project to hold rules', async () => {
    stubApi({ 'GET /api/0/organizations/acme/projects/': () => ({ body: [] }) });
    renderWithProviders(<AlertRulesSection org="acme" canEdit />, {
      path: '/organizations/acme/settings/alerts',
    });
    expect(await screen.findByText('No projects')).toBeTruthy();
  });

  it('marks a snoozed rule', async () => {
    const later = new Date(Date.now() + 3_600_000).toISOString();
    renderSection(false, { [`GET ${RULES}`]: () => ({ body: [rule({ snoozedUntil: later })] }) });
    const row = (await screen.findByText('New blocking issue')).closest('li');
    expect(row?.textContent).toContain('snoozed');
  });
});
