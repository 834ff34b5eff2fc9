import { Gauge } from 'lucide-react';
import type { IssueUpdate, Severity } from '../api/types.ts';
import { SEVERITIES } from '../issues/search-keys.ts';
import { MenuButton } from '../ui/menu-button.tsx';
import { actionButtonClass } from './action-button-class.ts';

const HINTS: Record<Severity, string> = {
  blocking: 'Users cannot complete what they came to do',
  annoying: 'Users are hindered but can go on',
  warning: 'Something is off; users may not notice',
  info: 'Worth knowing, nothing broken',
};

export function SeverityMenu({
  severity,
  overridden = false,
  onUpdate,
  disabled,
}: {
  severity: Severity;
  overridden?: boolean;
  onUpdate: (update: IssueUpdate) => void;
  disabled: boolean;
}) {
  return (
    <MenuButton
      label="Set severity"
      disabled={disabled}
      buttonClassName={actionButtonClass}
      items={[
        ...SEVERITIES.map((value) => ({
          key: value,
          label: value.charAt(0).toUpperCase() + value.slice(1),
          description: HINTS[value],
          selected: value === severity,
          onSelect: () => onUpdate({ severity: value }),
        })),
        ...(overridden
          ? [
              {
                key: 'auto',
                label: 'Reset to automatic',
                description: 'Use the severity derived from events',
                onSelect: () => onUpdate({ severity: null }),
              },
            ]
          : []),
      ]}
    >
      <Gauge size={14} aria-hidden /> Severity
    </MenuButton>
  );
}
