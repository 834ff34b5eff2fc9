// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { issueFixture } from '../testing/issue-fixture.ts';
import { renderWithProviders, TEST_SESSION } from '../testing/render-with-providers.tsx';
import { stubApi } from '../testing/stub-api.ts';
import { IssuesPage } from './issues-page.tsx';

const ISSUES = [1, 2, 3].map((n) => issueFixture(n));
const LINK =
  '<http://x/?cursor=0:0:1>; rel="previous"; results="false"; cursor="0:0:1", <http://x/?cursor=0:50:0>; rel="next"; results="true"; cursor="0:50:0"';

function serve() {
  return stubApi({
    'GET /api/0/organizations/acme/issues/': () => ({
      body: ISSUES,
      headers: { Link: LINK, 'X-Hits': '10000' },
    }),
    'GET /api/0/organizations/acme/stats/summary/': () => ({
      body: { total: 10000, blocking: 12, errors: 900, warnings: 40, series: [[1_700_000_000, 3]] },
    }),
    'GET /api/0/organizations/acme/members/': () => ({ body: [] }),
    'GET /api/0/organizations/acme/projects/': () => ({ body: [{ id: '1', slug: 'shop', name: 'Shop' }] }),
  });
}

function renderPage(path = '/organizations/acme/issues', session = TEST_SESSION) {
  return renderWithProviders(<IssuesPage />, { path, session });
}

afterEach(() => vi.unstubAllGlobals());

describe('IssuesPage', () => {
  it('lists issues with severity, counts, stats cards and pagination', async () => {
    serve();
    renderPage();
    const table = await screen.findByRole('table', { name: 'Issues' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(within(table).getByText('SHOP-2')).toBeTruthy();
    expect(within(table).getAllByText('Blocking')).toHaveLength(3);
    expect(screen.getByText('1–3 of 10,000')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Next/ })).toHaveProperty('disabled', false);
    expect(screen.getByRole('button', { name: /Blocking/ }).textContent).toContain('12');
  });

  it('moves with j/k and opens the active issue with Enter', async () => {
    serve();
    const { router } = renderPage();
    await screen.findByRole('table', { name: 'Issues' });
    await userEvent.keyboard('jjjk');
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((row) => row.getAttribute('aria-selected'))).toEqual(['false', 'true', 'false']);
    await userEvent.keyboard('{Enter}');
    expect(router.state.location.pathname).toBe('/organizations/acme/issues/2');
  });

  it('selects with x and resolves the selection in one bulk request', async () => {
    const calls = serve();
    renderPage();
    await screen.findByRole('table', { name: 'Issues' });
    await userEvent.keyboard('jxjx');
    const bar = screen.getByRole('toolbar', { name: 'Bulk actions' });
    expect(within(bar).getByText('2 selected')).toBeTruthy();
    const put = vi.fn(() => ({ body: { status: 'resolved' } }));
    stubApi({ 'PUT /api/0/organizations/acme/issues/': put });
    await userEvent.click(within(bar).getByRole('button', { name: 'Resolve' }));
    await waitFor(() => expect(put).toHaveBeenCalledTimes(1));
    expect(calls.length).toBeGreaterThan(0);
  });

  it('searches through the URL and keeps the filters when refreshing', async () => {
    const calls = serve();
    const { router } = renderPage();
    await screen.findByRole('table', { name: 'Issues' });
    const box = screen.getByRole('combobox', { name: 'Search issues' });
    await userEvent.clear(box);
    await userEvent.type(box, 'is:unresolved error.type:TypeError{Enter}');
    expect(new URLSearchParams(router.state.location.search).get('query')).toBe(
      'is:unresolved error.type:TypeError',
    );
    await waitFor(() =>
      expect(calls.at(-1)?.url.searchParams.get('query')).toBe('is:unresolved error.type:TypeError'),
    );
    const before = calls.filter((c) => c.url.pathname.endsWith('/issues/')).length;
    await userEvent.click(screen.getByRole('button', { name: 'Refresh issues' }));
    await waitFor(() =>
      expect(calls.filter((c) => c.url.pathname.endsWith('/issues/')).length).toBe(before + 1),
    );
    const last = calls.filter((c) => c.url.pathname.endsWith('/issues/')).at(-1);
    expect(last?.url.searchParams.get('query')).toBe('is:unresolved error.type:TypeError');
    expect(screen.getByRole('combobox')).toHaveProperty('value', 'is:unresolved error.type:TypeError');
  });

  it('offers no selection to a viewer', async () => {
    serve();
    renderPage('/organizations/acme/issues', {
      ...TEST_SESSION,
      organizations: [{ id: '1', slug: 'acme', name: 'Acme', role: 'viewer' }],
    });
    await screen.findByRole('table', { name: 'Issues' });
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('shows an empty state when nothing matches', async () => {
    stubApi({ 'GET /api/0/organizations/acme/issues/': () => ({ body: [] }) });
    renderPage('/organizations/acme/issues?query=is:resolved');
    expect(await screen.findByText('No issues match')).toBeTruthy();
  });

  it('keeps the list and explains a search the server rejects', async () => {
    stubApi({
      'GET /api/0/organizations/acme/issues/': (url) =>
        url.searchParams.get('query')?.includes('times_seen:abc')
          ? { status: 400, body: { detail: 'times_seen: expected a number' } }
          : { body: ISSUES },
    });
    renderPage();
    await screen.findByRole('table', { name: 'Issues' });
    const box = screen.getByRole('combobox', { name: 'Search issues' });
    await userEvent.clear(box);
    await userEvent.type(box, 'times_seen:abc{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Search error: times_seen: expected a number',
    );
    expect(screen.getByRole('table', { name: 'Issues' })).toBeTruthy();
  });
});
