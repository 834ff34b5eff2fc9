import { Boxes, ChevronDown } from 'lucide-react';
import { useProjects } from '../api/use-projects.ts';
import { useOrganization } from '../auth/use-organization.ts';
import { MenuButton } from '../ui/menu-button.tsx';
import { useProjectParam } from './use-project-param.ts';

export function ProjectSwitcher() {
  const { slug } = useOrganization();
  const { data: projects = [] } = useProjects(slug);
  const [project, setProject] = useProjectParam();
  const current = projects.find((p) => String(p.id) === project);
  return (
    <MenuButton
      label="Switch project"
      buttonClassName="flex h-8 items-center gap-2 rounded-md border border-line-strong bg-surface px-2.5 text-[13px] font-medium hover:bg-hover"
      items={[
        { key: 'all', label: 'All projects', selected: project === '', onSelect: () => setProject('') },
        ...projects.map((p) => ({
          key: String(p.id),
          label: p.name,
          description: p.platform ?? p.slug,
          selected: String(p.id) === project,
          onSelect: () => setProject(String(p.id)),
        })),
      ]}
    >
      <Boxes size={14} aria-hidden className="text-subtle" />
      <span>{current?.name ?? 'All projects'}</span>
      <ChevronDown size={14} aria-hidden className="text-subtle" />
    </MenuButton>
  );
}
