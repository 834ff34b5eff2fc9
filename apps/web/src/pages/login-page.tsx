import { useState } from 'react';
import type { FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../api/api-error.ts';
import { useLogin } from '../api/use-login.ts';
import { useSessionQuery } from '../api/use-session-query.ts';
import { FixloopLogo } from '../layout/fixloop-logo.tsx';
import { Button } from '../ui/button.tsx';
import { TextField } from '../ui/text-field.tsx';

/** Only same-site paths: `?next=` must never send a user to another origin. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const session = useSessionQuery();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const next = safeNext(search.get('next'));

  if (session.data) return <Navigate to={next} replace />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email, password }, { onSuccess: () => void navigate(next, { replace: true }) });
  };
  const error = login.error
    ? isApiError(login.error) && login.error.status === 401
      ? 'Wrong email or password.'
      : login.error.message
    : null;

  return (
    <main className="flex min-h-screen items-center justify-center bg-sidebar px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex flex-col items-center gap-3 text-center">
          <FixloopLogo size={40} />
          <div>
            <h1 className="text-xl font-semibold tracking-tight">Sign in to Fixloop</h1>
            <p className="mt-1 text-[13px] text-muted">Errors, timelines and fixes, on your own server.</p>
          </div>
        </div>
        <form
          onSubmit={onSubmit}
          className="flex flex-col gap-4 rounded-xl border border-line bg-surface p-6 shadow-sm"
          noValidate
        >
          <TextField
            label="Email"
            type="email"
            name="email"
            autoComplete="username"
            autoFocus
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
          <TextField
            label="Password"
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          {error && (
            <p
              role="alert"
              className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-[13px] text-danger"
            >
              {error}
            </p>
          )}
          <Button type="submit" variant="primary" loading={login.isPending} disabled={!email || !password}>
            Sign in
          </Button>
        </form>
        <p className="mt-4 text-center text-xs text-subtle">
          First start? The admin&apos;s one-time password is printed in the server log.
        </p>
      </div>
    </main>
  );
}
