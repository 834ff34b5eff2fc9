import { useState } from 'react';
import { LogOut } from 'lucide-react';
import { useNavigate } from 'react-router';
import { useLogout } from '../api/use-logout.ts';
import { useSession } from '../auth/use-session.ts';
import { MenuButton } from '../ui/menu-button.tsx';
import { ChangePasswordDialog } from './change-password-dialog.tsx';

export function UserMenu() {
  const { user } = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const [changing, setChanging] = useState(false);
  const initials = (user.name || user.email).slice(0, 1).toUpperCase();
  return (
    <>
      <MenuButton
        label="Account"
        align="start"
        buttonClassName="flex min-w-0 items-center gap-2 rounded-md px-1.5 py-1 text-left hover:bg-hover"
        header={<div className="border-b border-line px-2.5 pt-1 pb-2 text-xs text-subtle">{user.email}</div>}
        items={[
          { key: 'password', label: 'Change password', onSelect: () => setChanging(true) },
          {
            key: 'logout',
            label: (
              <span className="inline-flex items-center gap-2">
                <LogOut size={14} aria-hidden /> Sign out
              </span>
            ),
            onSelect: () => logout.mutate(undefined, { onSettled: () => void navigate('/login') }),
          },
        ]}
      >
        <span
          aria-hidden
          className="flex size-6 items-center justify-center rounded-full bg-accent text-[11px] font-semibold text-accent-fg"
        >
          {initials}
        </span>
        <span className="truncate text-[13px] font-medium">{user.name || user.email}</span>
      </MenuButton>
      <ChangePasswordDialog open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
