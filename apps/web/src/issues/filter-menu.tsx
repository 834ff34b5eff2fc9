import { ChevronDown } from 'lucide-react';
import { classNames } from '../ui/class-names.ts';
import { MenuButton } from '../ui/menu-button.tsx';

/** A pill that shows the current value of one filter and opens its choices. */
export function FilterMenu({
  label,
  value,
  options,
  onChange,
  highlight = true,
}: {
  highlight?: boolean;
  label: string;
  value: string | null;
  options: { value: string | null; label: string }[];
  onChange: (value: string | null) => void;
}) {
  const current = options.find((o) => o.value === value);
  return (
    <MenuButton
      label={`${label} filter`}
      buttonClassName={classNames(
        'inline-flex h-8 items-center gap-1.5 rounded-md border px-2.5 text-[13px] hover:bg-hover',
        value === null || !highlight
          ? 'border-line-strong text-muted'
          : 'border-accent/40 bg-accent-soft text-accent-text',
      )}
      items={options.map((option) => ({
        key: option.value ?? '__any',
        label: option.label,
        selected: option.value === value,
        onSelect: () => onChange(option.value),
      }))}
    >
      <span className="text-subtle">{label}</span>
      <span className="font-medium">{current?.label ?? value ?? 'Any'}</span>
      <ChevronDown size={13} aria-hidden />
    </MenuButton>
  );
}
