import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { classNames } from '../ui/class-names.ts';

export function NavItem({
  to,
  icon,
  children,
  end = false,
}: {
  to: string;
  icon: ReactNode;
  children: ReactNode;
  end?: boolean;
}) {
  return (
    <NavLink
      to={to}
      end={end}
      className={({ isActive }) =>
        classNames(
          'flex h-8 items-center gap-2.5 rounded-md px-2.5 text-[13px] font-medium transition-colors',
          isActive ? 'bg-hover text-fg' : 'text-muted hover:bg-hover hover:text-fg',
        )
      }
    >
      <span aria-hidden className="text-subtle">
        {icon}
      </span>
      {children}
    </NavLink>
  );
}
