import { NavLink } from 'react-router';
import { classNames } from '../ui/class-names.ts';
import type { SettingsSection } from './settings-sections.ts';

export function SettingsNav({
  base,
  sections,
  search,
}: {
  base: string;
  sections: SettingsSection[];
  search: string;
}) {
  return (
    <nav aria-label="Settings sections" className="flex flex-col gap-0.5">
      {sections.map((section) => (
        <NavLink
          key={section.id}
          to={`${base}/${section.id}${search}`}
          className={({ isActive }) =>
            classNames(
              'rounded-md px-2.5 py-1.5 text-[13px]',
              isActive ? 'bg-hover font-medium text-fg' : 'text-muted hover:bg-hover hover:text-fg',
              section.id === 'danger' && 'text-danger',
            )
          }
        >
          {section.label}
        </NavLink>
      ))}
    </nav>
  );
}
