import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { setUnauthenticatedHandler } from '../api/api-client.ts';
import { queryKeys } from '../api/query-keys.ts';
import { ToastProvider } from '../ui/toast-provider.tsx';

function SessionExpiryWatcher() {
  const queryClient = useQueryClient();
  useEffect(() => {
    // Any 401 means the cookie expired: drop the session so RequireSession sends the user to /login.
    setUnauthenticatedHandler(() => queryClient.setQueryData(queryKeys.session, null));
    return () => setUnauthenticatedHandler(null);
  }, [queryClient]);
  return null;
}

export function AppProviders({ client, children }: { client: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={client}>
      <SessionExpiryWatcher />
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
}
