import { UserPlus } from 'lucide-react';
import type { Actor, IssueUpdate } from '../api/types.ts';
import { useMembers } from '../api/use-members.ts';
import { MenuButton } from '../ui/menu-button.tsx';
import { actionButtonClass } from './action-button-class.ts';

export function AssignMenu({
  org,
  assignee,
  onUpdate,
  disabled,
}: {
  org: string;
  assignee: Actor | null;
  onUpdate: (update: IssueUpdate) => void;
  disabled: boolean;
}) {
  const members = useMembers(org);
  return (
    <MenuButton
      label="Assign"
      disabled={disabled}
      buttonClassName={actionButtonClass}
      items={[
        {
          key: 'none',
          label: 'Unassigned',
          selected: assignee === null,
          onSelect: () => onUpdate({ assignedTo: null }),
        },
        ...(members.data ?? []).map((member) => {
          const id = String(member.user?.id ?? member.id);
          return {
            key: id,
            label: member.name || member.email,
            description: member.email,
            selected: assignee !== null && String(assignee.id) === id,
            onSelect: () => onUpdate({ assignedTo: `user:${id}` }),
          };
        }),
      ]}
    >
      <UserPlus size={14} aria-hidden />
      {assignee ? assignee.name || assignee.email : 'Assign'}
    </MenuButton>
  );
}
