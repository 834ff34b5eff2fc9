import { Tag } from 'lucide-react';
import type { ErrorClass, IssueUpdate } from '../api/types.ts';
import { ERROR_CLASSES } from '../issues/search-keys.ts';
import { MenuButton } from '../ui/menu-button.tsx';
import { actionButtonClass } from './action-button-class.ts';

export function ErrorClassMenu({
  errorClass,
  overridden = false,
  onUpdate,
  disabled,
}: {
  errorClass: ErrorClass;
  overridden?: boolean;
  onUpdate: (update: IssueUpdate) => void;
  disabled: boolean;
}) {
  return (
    <MenuButton
      label="Set error class"
      disabled={disabled}
      buttonClassName={actionButtonClass}
      items={[
        ...ERROR_CLASSES.map((value) => ({
          key: value,
          label: value.charAt(0).toUpperCase() + value.slice(1),
          selected: value === errorClass,
          onSelect: () => onUpdate({ errorClass: value }),
        })),
        ...(overridden
          ? [{ key: 'auto', label: 'Reset to automatic', onSelect: () => onUpdate({ errorClass: null }) }]
          : []),
      ]}
    >
      <Tag size={14} aria-hidden /> Class
    </MenuButton>
  );
}
