import { useId } from 'react';
import type { SelectHTMLAttributes } from 'react';
import { classNames } from './class-names.ts';
import { inputClass } from './text-field.tsx';

export interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  hideLabel?: boolean;
  options: { value: string; label: string }[];
}

export function SelectField({ label, hideLabel = false, options, className, id, ...rest }: SelectFieldProps) {
  const generated = useId();
  const selectId = id ?? generated;
  return (
    <div className={classNames('flex flex-col gap-1', className)}>
      <label htmlFor={selectId} className={hideLabel ? 'sr-only' : 'text-xs font-medium text-muted'}>
        {label}
      </label>
      <select id={selectId} className={classNames(inputClass, 'pr-7 cursor-pointer')} {...rest}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
