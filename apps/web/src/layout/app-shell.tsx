import { Suspense } from 'react';
import { Navigate, Outlet } from 'react-router';
import { useOrganization } from '../auth/use-organization.ts';
import { useSession } from '../auth/use-session.ts';
import { FullPageSpinner } from '../ui/full-page-spinner.tsx';
import { NoOrganization } from './no-organization.tsx';
import { Sidebar } from './sidebar.tsx';

/** Sidebar plus the page; pages load lazily inside it, so the shell never flashes. */
export function AppShell() {
  const session = useSession();
  const { organization } = useOrganization();
  if (!organization) {
    const first = session.organizations[0];
    return first ? <Navigate to={`/organizations/${first.slug}/issues`} replace /> : <NoOrganization />;
  }
  return (
    <div className="flex h-screen overflow-hidden">
      <Sidebar />
      <main id="main" className="min-w-0 flex-1 overflow-y-auto bg-canvas" data-scroll-root>
        <Suspense fallback={<FullPageSpinner />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
