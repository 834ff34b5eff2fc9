import { useState } from 'react';
import { useChangePassword } from '../api/use-change-password.ts';
import { Button } from '../ui/button.tsx';
import { Dialog } from '../ui/dialog.tsx';
import { TextField } from '../ui/text-field.tsx';
import { useToast } from '../ui/use-toast.ts';

export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const change = useChangePassword();
  const toast = useToast();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const submit = () =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          toast('Password changed', 'ok');
          setCurrent('');
          setNew('');
          onClose();
        },
      },
    );
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Change password"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            loading={change.isPending}
            disabled={!currentPassword || newPassword.length < 8}
            onClick={submit}
          >
            Change password
          </Button>
        </>
      }
    >
      <div className="flex flex-col gap-3">
        <TextField
          label="Current password"
          type="password"
          value={currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
          autoComplete="current-password"
        />
        <TextField
          label="New password"
          type="password"
          value={newPassword}
          onChange={(e) => setNew(e.target.value)}
          autoComplete="new-password"
          hint="At least 8 characters."
        />
        {change.error && (
          <p role="alert" className="text-[13px] text-danger">
            {change.error.message}
          </p>
        )}
      </div>
    </Dialog>
  );
}
