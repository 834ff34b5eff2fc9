import { ChevronsUpDown } from 'lucide-react';
import { useNavigate } from 'react-router';
import { useOrganization } from '../auth/use-organization.ts';
import { useSession } from '../auth/use-session.ts';
import { MenuButton } from '../ui/menu-button.tsx';
import { FixloopLogo } from './fixloop-logo.tsx';

export function OrgSwitcher() {
  const session = useSession();
  const { slug, organization, role } = useOrganization();
  const navigate = useNavigate();
  return (
    <MenuButton
      label="Switch organization"
      buttonClassName="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left hover:bg-hover"
      items={session.organizations.map((org) => ({
        key: org.slug,
        label: org.name,
        description: org.role,
        selected: org.slug === slug,
        onSelect: () => void navigate(`/organizations/${org.slug}/issues`),
      }))}
    >
      <FixloopLogo size={24} />
      <span className="min-w-0 flex-1">
        <span className="block truncate text-[13px] font-semibold">{organization?.name ?? slug}</span>
        <span className="block text-[11px] text-subtle capitalize">{role ?? 'no access'}</span>
      </span>
      <ChevronsUpDown size={14} className="text-subtle" aria-hidden />
    </MenuButton>
  );
}
