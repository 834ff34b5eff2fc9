// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AlertDelivery } from '../api/use-alert-deliveries.ts';
import { renderWithProviders } from '../testing/render-with-providers.tsx';
import { stubApi } from '../testing/stub-api.ts';
import { AlertDeliveriesSection } from './alert-deliveries-section.tsx';

afterEach(() => vi.unstubAllGlobals());

const DELIVERIES = '/api/0/organizations/acme/alert-deliveries/';

const delivery = (over: Partial<AlertDelivery>): AlertDelivery => ({
  id: '1',
  rule: '5',
  channel: '7',
  channelKind: 'slack',
  kind: 'alert',
  issue: '42',
  summary: 'TypeError: x is undefined',
  status: 'sent',
  attempts: 1,
  providerMessageId: '1712345678.000100',
  error: null,
  dateCreated: new Date().toISOString(),
  dateUpdated: new Date().toISOString(),
  ...over,
});

const link = (offset: number, hasMore: boolean) =>
  `<http://x${DELIVERIES}?cursor=0:0:1>; rel="previous"; results="${offset > 0}"; cursor="0:${Math.max(0, offset - 25)}:1", ` +
  `<http://x${DELIVERIES}?cursor=0:${offset + 25}:0>; rel="next"; results="${hasMore}"; cursor="0:${offset + 25}:0"`;

const lastLogCall = (calls: ReturnType<typeof stubApi>) =>
  calls.filter((c) => c.url.pathname === DELIVERIES).at(-1);

function renderSection() {
  const calls = stubApi({
    'GET /api/0/organizations/acme/projects/': () => ({ body: [{ id: '1', slug: 'shop', name: 'Shop' }] }),
    'GET /api/0/organizations/acme/alert-channels/': () => ({
      body: [
        { id: '7', kind: 'slack', name: 'ops', enabled: true, source: 'api', config: {}, secretFields: [] },
      ],
    }),
    'GET /api/0/projects/acme/shop/alert-rules/': () => ({
      body: [{ id: '5', name: 'New blocking issue', triggers: [], filters: {}, channels: [] }],
    }),
    [`GET ${DELIVERIES}`]: (url) => {
      const status = url.searchParams.get('status');
      const offset = Number(url.searchParams.get('cursor')?.split(':')[1] ?? 0);
      if (status === 'failed') {
        return {
          body: [
            delivery({
              id: '3',
              status: 'failed',
              providerMessageId: null,
              error: 'HTTP 403 channel_not_found',
            }),
          ],
          headers: { Link: link(0, false) },
        };
      }
      return offset === 0
        ? { body: [delivery({})], headers: { Link: link(0, true) } }
        : {
            body: [delivery({ id: '2', kind: 'test', rule: null, issue: null, summary: 'Test message' })],
            headers: { Link: link(25, false) },
          };
    },
  });
  renderWithProviders(<AlertDeliveriesSection org="acme" />, { path: '/organizations/acme/settings/alerts' });
  return calls;
}

describe('AlertDeliveriesSection', () => {
  it('shows time, rule, channel, status and the provider message id, with issue links', async () => {
    renderSection();
    const row = (await screen.findByText('1712345678.000100')).closest('tr') as HTMLElement;
    expect(within(row).getByText('sent')).toBeTruthy();
    expect(within(row).getByText('ops')).toBeTruthy();
    await waitFor(() => expect(within(row).getByText('New blocking issue')).toBeTruthy());
    expect(within(row).getByRole('link', { name: 'TypeError: x is undefined' }).getAttribute('href')).toBe(
      '/organizations/acme/issues/42',
    );
    expect(within(row).getByText('just now')).toBeTruthy();
  });

  it('pages with the Link header cursors', async () => {
    const calls = renderSection();
    await screen.findByText('1712345678.000100');
    const pages = screen.getByRole('navigation', { name: 'Delivery log pages' });
    expect((within(pages).getByRole('button', { name: 'Previous' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    await userEvent.click(within(pages).getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('test message')).toBeTruthy();
    expect(lastLogCall(calls)?.url.searchParams.get('cursor')).toBe('0:25:0');
    expect(lastLogCall(calls)?.url.searchParams.get('limit')).toBe('25');
    expect((within(pages).getByRole('button', { name: 'Next' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('filters by status and shows the error of failed deliveries', async () => {
    const calls = renderSection();
    await screen.findByText('1712345678.000100');
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'failed');
    expect(await screen.findByText('HTTP 403 channel_not_found')).toBeTruthy();
    expect(screen.queryByText('1712345678.000100')).toBeNull();
    expect(lastLogCall(calls)?.url.searchParams.get('status')).toBe('failed');
  });
});
