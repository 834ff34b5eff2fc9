import { useState } from 'react';
import type { FormEvent } from 'react';
import { useChangePassword } from '../api/use-change-password.ts';
import { FixloopLogo } from '../layout/fixloop-logo.tsx';
import { Button } from '../ui/button.tsx';
import { TextField } from '../ui/text-field.tsx';
import { useToast } from '../ui/use-toast.ts';

const MIN_LENGTH = 8;

/** Shown instead of every page while the account still has its one-time password. */
export function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const change = useChangePassword();
  const toast = useToast();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const mismatch = confirm.length > 0 && confirm !== newPassword;
  const tooShort = newPassword.length > 0 && newPassword.length < MIN_LENGTH;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (mismatch || tooShort) return;
    change.mutate({ currentPassword, newPassword }, { onSuccess: () => toast('Password changed', 'ok') });
  };

  return (
    <main className="flex min-h-screen items-center justify-center bg-sidebar px-4">
      <form
        onSubmit={onSubmit}
        className="w-full max-w-sm rounded-xl border border-line bg-surface p-6 shadow-sm"
      >
        <div className="mb-5 flex items-center gap-3">
          <FixloopLogo size={28} />
          <div>
            <h1 className="text-base font-semibold">Choose a new password</h1>
            {forced && (
              <p className="text-[13px] text-muted">Your account still uses its one-time password.</p>
            )}
          </div>
        </div>
        <div className="flex flex-col gap-4">
          <TextField
            label="Current password"
            type="password"
            autoComplete="current-password"
            value={currentPassword}
            onChange={(e) => setCurrent(e.target.value)}
            required
          />
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            value={newPassword}
            onChange={(e) => setNew(e.target.value)}
            error={tooShort ? `At least ${MIN_LENGTH} characters.` : null}
            required
          />
          <TextField
            label="Repeat new password"
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            error={mismatch ? 'The passwords differ.' : null}
            required
          />
          {change.error && (
            <p role="alert" className="text-[13px] text-danger">
              {change.error.message}
            </p>
          )}
          <Button
            type="submit"
            variant="primary"
            loading={change.isPending}
            disabled={!currentPassword || !newPassword || mismatch || tooShort}
          >
            Change password
          </Button>
        </div>
      </form>
    </main>
  );
}
