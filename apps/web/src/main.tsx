import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { AppProviders } from './app/app-providers.tsx';
import { createQueryClient } from './app/create-query-client.ts';
import { createRouter } from './app/router.tsx';
import { prefetchFirstRoute } from './app/prefetch-first-route.ts';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

const queryClient = createQueryClient();
prefetchFirstRoute(queryClient, window.location);

createRoot(root).render(
  <StrictMode>
    <AppProviders client={queryClient}>
      <RouterProvider router={createRouter()} />
    </AppProviders>
  </StrictMode>,
);
