import { Link } from 'react-router';
import { EmptyState } from '../ui/empty-state.tsx';

export function NotFoundPage() {
  return (
    <EmptyState
      title="Page not found"
      action={
        <Link className="text-accent-text hover:underline" to="/">
          Go to your issues
        </Link>
      }
    >
      This address does not match any page of the dashboard.
    </EmptyState>
  );
}
