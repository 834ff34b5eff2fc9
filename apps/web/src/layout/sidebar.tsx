import { Bug, GitPullRequestArrow, Microscope, Settings } from 'lucide-react';
import { useOrganization } from '../auth/use-organization.ts';
import { NavItem } from './nav-item.tsx';
import { OrgSwitcher } from './org-switcher.tsx';
import { ThemeToggle } from './theme-toggle.tsx';
import { UserMenu } from './user-menu.tsx';
import { WorkerStatusDot } from './worker-status-dot.tsx';

export function Sidebar() {
  const { slug } = useOrganization();
  const base = `/organizations/${slug}`;
  return (
    <nav
      aria-label="Main"
      className="flex h-full w-56 shrink-0 flex-col border-r border-line bg-sidebar px-2 py-2.5"
    >
      <OrgSwitcher />
      <div className="mt-4 flex flex-col gap-0.5">
        <NavItem to={`${base}/issues`} icon={<Bug size={16} />}>
          Issues
        </NavItem>
        <NavItem to={`${base}/investigations`} icon={<Microscope size={16} />}>
          Investigations
        </NavItem>
        <NavItem to={`${base}/fixes`} icon={<GitPullRequestArrow size={16} />}>
          Fixes
        </NavItem>
        <NavItem to={`${base}/settings`} icon={<Settings size={16} />}>
          Settings
        </NavItem>
      </div>
      <div className="mt-auto flex flex-col gap-1 border-t border-line pt-2">
        <WorkerStatusDot />
        <div className="flex items-center justify-between gap-1">
          <UserMenu />
          <ThemeToggle />
        </div>
      </div>
    </nav>
  );
}
