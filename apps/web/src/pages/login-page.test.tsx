// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../testing/render-with-providers.tsx';
import { stubApi } from '../testing/stub-api.ts';
import { ToastProvider } from '../ui/toast-provider.tsx';
import { LoginPage } from './login-page.tsx';

afterEach(() => vi.unstubAllGlobals());

const SESSION = {
  user: { id: 1, email: 'ada@example.com', name: 'Ada', mustChangePassword: false },
  csrfToken: 'csrf-9',
  organizations: [{ id: 1, slug: 'acme', name: 'Acme', role: 'owner' }],
};

function renderLogin(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/login', element: <LoginPage /> },
      { path: '*', element: <p>landed</p> },
    ],
    { initialEntries: [path] },
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>,
  );
  return router;
}

describe('LoginPage', () => {
  it('says when the credentials are wrong', async () => {
    stubApi({
      'GET /api/0/auth/session/': () => ({ status: 401, body: { detail: 'no session' } }),
      'POST /api/0/auth/login/': () => ({ status: 401, body: { detail: 'Invalid credentials' } }),
    });
    renderLogin('/login');
    await userEvent.type(await screen.findByLabelText('Email'), 'ada@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'nope');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong email or password.');
  });

  it('signs in and returns to the deep link it came from (same-site paths only)', async () => {
    let signedIn = false;
    const calls = stubApi({
      'GET /api/0/auth/session/': () => (signedIn ? { body: SESSION } : { status: 401, body: {} }),
      'POST /api/0/auth/login/': () => {
        signedIn = true;
        return { body: { user: SESSION.user, csrfToken: 'csrf-9' } };
      },
    });
    const router = renderLogin('/login?next=%2Forganizations%2Facme%2Fissues%2F7');
    await userEvent.type(await screen.findByLabelText('Email'), 'ada@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'secret-pass');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/organizations/acme/issues/7'));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      email: 'ada@example.com',
      password: 'secret-pass',
    });
  });

  it('ignores a next= that points to another site', async () => {
    stubApi({ 'GET /api/0/auth/session/': () => ({ body: SESSION }) });
    const router = renderLogin('/login?next=%2F%2Fevil.example.com');
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });
});
