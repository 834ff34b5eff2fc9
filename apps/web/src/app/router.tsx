import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { RequireSession } from '../auth/require-session.tsx';
import { AppShell } from '../layout/app-shell.tsx';
import { IssuesPage } from '../pages/issues-page.tsx';
import { LoginPage } from '../pages/login-page.tsx';
import { NotFoundPage } from '../pages/not-found-page.tsx';
import { RootRedirect } from './root-redirect.tsx';

// The issue list is the first route and ships in the entry bundle; every other page is its own chunk.
const IssueDetailPage = lazy(() =>
  import('../pages/issue-detail-page.tsx').then((m) => ({ default: m.IssueDetailPage })),
);
const InvestigationsPage = lazy(() =>
  import('../pages/investigations-page.tsx').then((m) => ({ default: m.InvestigationsPage })),
);
const InvestigationDetailPage = lazy(() =>
  import('../pages/investigation-detail-page.tsx').then((m) => ({ default: m.InvestigationDetailPage })),
);
const FixesPage = lazy(() => import('../pages/fixes-page.tsx').then((m) => ({ default: m.FixesPage })));
const FixDetailPage = lazy(() =>
  import('../pages/fix-detail-page.tsx').then((m) => ({ default: m.FixDetailPage })),
);
const SettingsPage = lazy(() =>
  import('../pages/settings-page.tsx').then((m) => ({ default: m.SettingsPage })),
);

export function createRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    {
      element: <RequireSession />,
      children: [
        { path: '/', element: <RootRedirect /> },
        {
          path: '/organizations/:orgSlug',
          element: <AppShell />,
          children: [
            { index: true, element: <Navigate to="issues" replace /> },
            { path: 'issues', element: <IssuesPage /> },
            { path: 'issues/:issueId', element: <IssueDetailPage /> },
            { path: 'issues/:issueId/events/:eventId', element: <IssueDetailPage /> },
            { path: 'investigations', element: <InvestigationsPage /> },
            { path: 'investigations/:investigationId', element: <InvestigationDetailPage /> },
            { path: 'fixes', element: <FixesPage /> },
            { path: 'fixes/:fixId', element: <FixDetailPage /> },
            { path: 'settings', element: <SettingsPage /> },
            { path: 'settings/:section', element: <SettingsPage /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
