// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../testing/render-with-providers.tsx';
import { EventTimeline } from './event-timeline.tsx';
import { pairNetworkEntries } from './pair-network-entries.ts';

const t = (s: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, s)).toISOString();
const ITEMS = pairNetworkEntries([
  { ts: t(0), layer: 'user', kind: 'click', message: 'button#pay' },
  {
    ts: t(1),
    layer: 'network',
    kind: 'http.request',
    message: 'POST /api/pay',
    data: { requestId: 'a', method: 'POST', url: '/api/pay' },
  },
  { ts: t(2), layer: 'backend', kind: 'log', message: 'charging card' },
  {
    ts: t(3),
    layer: 'network',
    kind: 'http.response',
    message: '502',
    data: { requestId: 'a', status: 502 },
  },
  { ts: t(4), layer: 'frontend', kind: 'error', message: 'TypeError: x is undefined', isError: true },
]);

describe('EventTimeline', () => {
  it('shows every layer in order, the request paired with its response, and the error marked', () => {
    renderWithProviders(<EventTimeline items={ITEMS} />, { path: '/organizations/acme/issues/1' });
    const rows = within(screen.getByRole('list', { name: 'Event timeline' })).getAllByRole('listitem');
    expect(rows.map((r) => r.getAttribute('data-layer'))).toEqual(['user', 'network', 'backend', 'frontend']);
    expect(rows[1]?.textContent).toContain('POST');
    expect(rows[1]?.textContent).toContain('502');
    expect(rows[1]?.textContent).toContain('2 s');
    expect(rows[3]?.getAttribute('data-error')).toBe('true');
    expect(rows[0]?.textContent).toContain('−4.00s');
  });

  it('filters to the network layer (keeping the error in place) and writes the filter to the URL', async () => {
    const { router } = renderWithProviders(<EventTimeline items={ITEMS} />, {
      path: '/organizations/acme/issues/1',
    });
    const filters = screen.getByRole('group', { name: 'Filter timeline by layer' });
    const network = within(filters).getByRole('button', { name: /Network/ });
    expect(network.textContent).toContain('1');
    await userEvent.click(network);
    expect(network.getAttribute('aria-pressed')).toBe('true');
    const rows = within(screen.getByRole('list', { name: 'Event timeline' })).getAllByRole('listitem');
    expect(rows.map((r) => r.getAttribute('data-layer'))).toEqual(['network', 'frontend']);
    expect(router.state.location.search).toBe('?layers=network');
    await userEvent.click(within(filters).getByRole('button', { name: /All/ }));
    expect(
      within(screen.getByRole('list', { name: 'Event timeline' })).getAllByRole('listitem'),
    ).toHaveLength(4);
  });

  it('reads the layer filter from a deep link', () => {
    renderWithProviders(<EventTimeline items={ITEMS} />, {
      path: '/organizations/acme/issues/1?layers=user,backend',
    });
    const rows = within(screen.getByRole('list', { name: 'Event timeline' })).getAllByRole('listitem');
    expect(rows.map((r) => r.getAttribute('data-layer'))).toEqual(['user', 'backend', 'frontend']);
  });
});
