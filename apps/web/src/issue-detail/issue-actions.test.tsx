// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../api/api-client.ts';
import { issueFixture } from '../testing/issue-fixture.ts';
import { renderWithProviders } from '../testing/render-with-providers.tsx';
import { stubApi } from '../testing/stub-api.ts';
import { IssueActions } from './issue-actions.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const issue = issueFixture(5);

function serve() {
  return stubApi({
    'PUT /api/0/issues/5/': (_url, init) => ({ body: { ...issue, ...JSON.parse(String(init?.body)) } }),
    'GET /api/0/organizations/acme/members/': () => ({
      body: [{ id: '3', email: 'grace@example.com', name: 'Grace', role: 'member', user: { id: '8' } }],
    }),
  });
}

describe('IssueActions', () => {
  it('resolves with a PUT carrying the CSRF header', async () => {
    const calls = serve();
    setCsrfToken('csrf-77');
    renderWithProviders(<IssueActions issue={issue} org="acme" canMutate />);
    await userEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ status: 'resolved' });
    expect(calls.find((c) => c.method === 'PUT')?.headers.get('X-CSRF-Token')).toBe('csrf-77');
    expect(await screen.findByText('Issue resolved')).toBeTruthy();
  });

  it('ignores for a duration or until a number of events', async () => {
    const calls = serve();
    renderWithProviders(<IssueActions issue={issue} org="acme" canMutate />);
    await userEvent.click(screen.getByRole('button', { name: 'Ignore' }));
    await userEvent.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: 'For 2 hours' }));
    await userEvent.click(screen.getByRole('button', { name: 'Ignore' }));
    await userEvent.click(
      within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Until 100 more events' }),
    );
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2));
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([
      { status: 'ignored', statusDetails: { ignoreDuration: 120 } },
      { status: 'ignored', statusDetails: { ignoreCount: 100 } },
    ]);
  });

  it('assigns to a member and sets the severity', async () => {
    const calls = serve();
    renderWithProviders(<IssueActions issue={issue} org="acme" canMutate />);
    await userEvent.click(screen.getByRole('button', { name: 'Assign' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: /Grace/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Set severity' }));
    await userEvent.click(screen.getByRole('menuitem', { name: /Warning/ }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2));
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([
      { assignedTo: 'user:8' },
      { severity: 'warning' },
    ]);
  });

  it('shows a viewer no actions', () => {
    serve();
    renderWithProviders(<IssueActions issue={issue} org="acme" canMutate={false} />);
    expect(screen.queryByRole('button', { name: 'Resolve' })).toBeNull();
    expect(screen.getByText('Read-only')).toBeTruthy();
  });
});
