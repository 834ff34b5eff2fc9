import { Navigate } from 'react-router';
import { useSession } from '../auth/use-session.ts';
import { NoOrganization } from '../layout/no-organization.tsx';

export function RootRedirect() {
  const { organizations } = useSession();
  const first = organizations[0];
  return first ? <Navigate to={`/organizations/${first.slug}/issues`} replace /> : <NoOrganization />;
}
