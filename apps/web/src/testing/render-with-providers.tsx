import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach } from 'vitest';
import { SessionContext } from '../auth/session-context.ts';
import type { Session } from '../api/types.ts';
import { ToastProvider } from '../ui/toast-provider.tsx';

afterEach(cleanup);

export const TEST_SESSION: Session = {
  user: { id: '1', email: 'ada@example.com', name: 'Ada', mustChangePassword: false },
  csrfToken: 'csrf-1',
  organizations: [{ id: '1', slug: 'acme', name: 'Acme', role: 'owner' }],
};

/**
 * Renders a component the way the app does: query client (no retries), toasts, the session, and a
 * memory router at `path` matched against `route` so useParams works.
 */
export function renderWithProviders(
  element: ReactElement,
  { path = '/organizations/acme/issues', route = '/organizations/:orgSlug/*', session = TEST_SESSION } = {},
) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const router = createMemoryRouter([{ path: route, element }], { initialEntries: [path] });
  const result = render(
    <QueryClientProvider client={client}>
      <ToastProvider>
        <SessionContext.Provider value={session}>
          <RouterProvider router={router} />
        </SessionContext.Provider>
      </ToastProvider>
    </QueryClientProvider>,
  );
  return { ...result, router, client };
}
