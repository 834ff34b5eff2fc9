import { useProjects } from '../api/use-projects.ts';
import { useProjectParam } from '../layout/use-project-param.ts';

/** The project settings edit: the one in `?project=`, else the organization's first. */
export function useSettingsProject(org: string) {
  const projects = useProjects(org);
  const [selected, setSelected] = useProjectParam();
  const list = projects.data ?? [];
  const project = list.find((p) => String(p.id) === selected) ?? list[0];
  return { projects: list, project, loading: projects.isPending, select: setSelected };
}
