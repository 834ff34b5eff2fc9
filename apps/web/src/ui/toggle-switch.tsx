import { classNames } from './class-names.ts';

export function ToggleSwitch({
  checked,
  onChange,
  label,
  disabled = false,
  tone = 'accent',
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  disabled?: boolean;
  tone?: 'accent' | 'danger';
}) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={label}
      disabled={disabled}
      onClick={() => onChange(!checked)}
      className={classNames(
        'relative inline-flex h-5 w-9 shrink-0 items-center rounded-full border border-transparent transition-colors',
        'disabled:cursor-not-allowed disabled:opacity-50',
        checked ? (tone === 'danger' ? 'bg-danger' : 'bg-accent') : 'bg-line-strong',
      )}
    >
      <span
        aria-hidden
        className={classNames(
          'inline-block size-4 rounded-full bg-white shadow transition-transform',
          checked ? 'translate-x-4' : 'translate-x-0.5',
        )}
      />
    </button>
  );
}
