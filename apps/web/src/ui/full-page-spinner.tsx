import { Spinner } from './spinner.tsx';

export function FullPageSpinner() {
  return (
    <div className="flex h-screen items-center justify-center text-muted">
      <Spinner size={22} label="Loading" />
    </div>
  );
}
