// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../api/types.ts';
import { renderWithProviders, TEST_SESSION } from '../testing/render-with-providers.tsx';
import { stubApi } from '../testing/stub-api.ts';
import { SettingsPage } from './settings-page.tsx';

afterEach(() => vi.unstubAllGlobals());

function renderAs(role: Role, path = '/organizations/acme/settings/worker') {
  stubApi({
    'GET /health': () => ({
      body: {
        status: 'ok',
        database: { status: 'ok', dialect: 'sqlite' },
        ingest: { queued: 0, lagMs: 0 },
        worker: { pending: 7, running: 1, failed: 0, lagMs: 1500, lastFinishedAt: null },
      },
    }),
  });
  return renderWithProviders(<SettingsPage />, {
    path,
    route: '/organizations/:orgSlug/settings/:section',
    session: { ...TEST_SESSION, organizations: [{ id: '1', slug: 'acme', name: 'Acme', role }] },
  });
}

describe('SettingsPage', () => {
  it('shows the danger zone to owners and admins only', () => {
    renderAs('owner');
    expect(
      within(screen.getByRole('navigation', { name: 'Settings sections' })).getByText('Danger zone'),
    ).toBeTruthy();
  });

  it('hides the danger zone from members and marks settings read-only', () => {
    renderAs('member');
    expect(
      within(screen.getByRole('navigation', { name: 'Settings sections' })).queryByText('Danger zone'),
    ).toBeNull();
    expect(screen.getByText('Read-only')).toBeTruthy();
  });

  it('sends a viewer who opens the danger zone link back to project settings', () => {
    const { router } = renderAs('viewer', '/organizations/acme/settings/danger');
    expect(router.state.location.pathname).toBe('/organizations/acme/settings/project');
  });

  it('shows the worker queue depth from /health', async () => {
    renderAs('member');
    expect((await screen.findByText('Queue depth')).parentElement?.textContent).toContain('7');
  });

  it('puts alert channels, rules and the delivery log under Alerts', async () => {
    renderAs('member', '/organizations/acme/settings/alerts');
    expect(
      within(screen.getByRole('navigation', { name: 'Settings sections' })).getByText('Alerts'),
    ).toBeTruthy();
    for (const name of ['Alert channels', 'Alert rules', 'Delivery log']) {
      expect(screen.getByRole('region', { name })).toBeTruthy();
    }
  });
});
