import { useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { setCsrfToken } from '../api/api-client.ts';
import { useSessionQuery } from '../api/use-session-query.ts';
import { ChangePasswordPage } from '../pages/change-password-page.tsx';
import { ErrorState } from '../ui/error-state.tsx';
import { FullPageSpinner } from '../ui/full-page-spinner.tsx';
import { SessionContext } from './session-context.ts';

/** Renders its routes only for a signed-in user; everyone else goes to /login and comes back after. */
export function RequireSession() {
  const location = useLocation();
  const { data: session, isPending, error, refetch } = useSessionQuery();
  useEffect(() => {
    if (session) setCsrfToken(session.csrfToken);
  }, [session]);
  if (isPending) return <FullPageSpinner />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} title="Cannot reach Fixloop" />;
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <SessionContext.Provider value={session}>
      {session.user.mustChangePassword ? <ChangePasswordPage forced /> : <Outlet />}
    </SessionContext.Provider>
  );
}
