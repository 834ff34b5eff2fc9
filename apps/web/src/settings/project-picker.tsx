import type { ProjectSummary } from '../api/types.ts';
import { SelectField } from '../ui/select-field.tsx';

export function ProjectPicker({
  projects,
  value,
  onChange,
}: {
  projects: ProjectSummary[];
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <SelectField
      label="Project"
      className="w-64"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      options={projects.map((p) => ({ value: String(p.id), label: p.name }))}
    />
  );
}
