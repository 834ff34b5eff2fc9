import { Checkbox } from '../ui/checkbox.tsx';

/** A labelled set of checkboxes choosing some of `options`. */
export function CheckboxGroup<T extends string>({
  legend,
  options,
  value,
  onChange,
  labels,
}: {
  legend: string;
  options: readonly T[];
  value: readonly T[];
  onChange: (value: T[]) => void;
  labels?: Partial<Record<T, string>>;
}) {
  return (
    <fieldset>
      <legend className="mb-1.5 text-xs font-medium text-muted">{legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1.5">
        {options.map((option) => (
          <label key={option} className="flex items-center gap-2 text-[13px]">
            <Checkbox
              checked={value.includes(option)}
              onChange={() =>
                onChange(value.includes(option) ? value.filter((v) => v !== option) : [...value, option])
              }
            />
            {labels?.[option] ?? option}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
