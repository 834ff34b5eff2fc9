import { useEffect, useState } from 'react';

/** A free-value filter (environment, release) that applies on Enter or blur. */
export function TextFilter({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
}) {
  const [draft, setDraft] = useState(value ?? '');
  useEffect(() => setDraft(value ?? ''), [value]);
  const apply = () => {
    const next = draft.trim() || null;
    if (next !== value) onChange(next);
  };
  return (
    <label className="inline-flex h-8 items-center gap-1.5 rounded-md border border-line-strong bg-surface px-2.5 text-[13px] focus-within:border-accent">
      <span className="text-subtle">{label}</span>
      <input
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={apply}
        onKeyDown={(event) => {
          if (event.key === 'Enter') apply();
        }}
        placeholder="any"
        className="w-24 bg-transparent font-medium text-fg placeholder:font-normal placeholder:text-subtle focus:outline-none"
      />
    </label>
  );
}
