import { ChevronDown, EyeOff } from 'lucide-react';
import type { IssueUpdate } from '../api/types.ts';
import { MenuButton } from '../ui/menu-button.tsx';
import { actionButtonClass } from './action-button-class.ts';

const DURATIONS: [string, number][] = [
  ['For 30 minutes', 30],
  ['For 2 hours', 120],
  ['For 24 hours', 24 * 60],
  ['For 1 week', 7 * 24 * 60],
];
const COUNTS = [10, 100, 1000];

/** Ignore forever, for a while (minutes), or until N more events arrive (Sentry's statusDetails). */
export function IgnoreMenu({
  onUpdate,
  disabled,
}: {
  onUpdate: (update: IssueUpdate) => void;
  disabled: boolean;
}) {
  return (
    <MenuButton
      label="Ignore"
      disabled={disabled}
      buttonClassName={actionButtonClass}
      items={[
        {
          key: 'forever',
          label: 'Forever',
          onSelect: () => onUpdate({ status: 'ignored', statusDetails: {} }),
        },
        ...DURATIONS.map(([label, minutes]) => ({
          key: `d${minutes}`,
          label,
          onSelect: () => onUpdate({ status: 'ignored', statusDetails: { ignoreDuration: minutes } }),
        })),
        ...COUNTS.map((count) => ({
          key: `c${count}`,
          label: `Until ${count.toLocaleString()} more events`,
          onSelect: () => onUpdate({ status: 'ignored', statusDetails: { ignoreCount: count } }),
        })),
      ]}
    >
      <EyeOff size={14} aria-hidden /> Ignore <ChevronDown size={13} aria-hidden className="text-subtle" />
    </MenuButton>
  );
}
