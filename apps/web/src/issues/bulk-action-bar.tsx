import { CheckCircle2, EyeOff, UserPlus, X } from 'lucide-react';
import type { Member } from '../api/types.ts';
import { Button } from '../ui/button.tsx';
import { MenuButton } from '../ui/menu-button.tsx';

export interface BulkActions {
  resolve: () => void;
  ignore: () => void;
  assign: (actor: string | null) => void;
  clear: () => void;
}

/** Appears while issues are selected: resolve, ignore or assign them together. */
export function BulkActionBar({
  count,
  members,
  actions,
  busy,
}: {
  count: number;
  members: Member[];
  actions: BulkActions;
  busy: boolean;
}) {
  return (
    <div
      role="toolbar"
      aria-label="Bulk actions"
      className="flex items-center gap-2 border-b border-line bg-accent-soft px-4 py-2"
    >
      <span className="text-[13px] font-medium text-accent-text">{count} selected</span>
      <div className="ml-2 flex items-center gap-1.5">
        <Button size="sm" icon={<CheckCircle2 size={13} />} onClick={actions.resolve} disabled={busy}>
          Resolve
        </Button>
        <Button size="sm" icon={<EyeOff size={13} />} onClick={actions.ignore} disabled={busy}>
          Ignore
        </Button>
        <MenuButton
          label="Assign selected issues"
          buttonClassName="inline-flex h-7 items-center gap-1.5 rounded-md border border-line-strong bg-surface px-2 text-xs font-medium hover:bg-hover"
          items={[
            { key: 'none', label: 'Unassign', onSelect: () => actions.assign(null) },
            ...members.map((m) => ({
              key: m.id,
              label: m.name || m.email,
              description: m.email,
              onSelect: () => actions.assign(`user:${m.user?.id ?? m.id}`),
            })),
          ]}
        >
          <UserPlus size={13} aria-hidden /> Assign
        </MenuButton>
      </div>
      <Button size="sm" variant="ghost" className="ml-auto" icon={<X size={13} />} onClick={actions.clear}>
        Clear
      </Button>
    </div>
  );
}
