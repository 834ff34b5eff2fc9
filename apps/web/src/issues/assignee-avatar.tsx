import { UserRound } from 'lucide-react';
import type { Actor } from '../api/types.ts';

export function AssigneeAvatar({ assignee }: { assignee: Actor | null }) {
  if (!assignee) {
    return (
      <span
        title="Unassigned"
        className="inline-flex size-5 items-center justify-center rounded-full border border-dashed border-line-strong text-subtle"
      >
        <UserRound size={11} aria-hidden />
        <span className="sr-only">Unassigned</span>
      </span>
    );
  }
  const name = assignee.name || assignee.email || '?';
  return (
    <span
      title={`Assigned to ${name}`}
      className="inline-flex size-5 items-center justify-center rounded-full bg-accent-soft text-[10px] font-semibold text-accent-text"
    >
      <span aria-hidden>{name.slice(0, 1).toUpperCase()}</span>
      <span className="sr-only">Assigned to {name}</span>
    </span>
  );
}
