import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { Search, X } from 'lucide-react';
import { classNames } from '../ui/class-names.ts';
import { applySuggestion, searchSuggestions } from './search-suggestions.ts';
import type { Suggestion } from './search-suggestions.ts';

/**
 * The Sentry-syntax search box: suggests keys and values as you type (arrows + Enter/Tab to pick),
 * submits on Enter, Escape restores the applied query.
 */
export function SearchBox({
  value,
  onSubmit,
  id,
}: {
  value: string;
  onSubmit: (query: string) => void;
  id?: string;
}) {
  const [draft, setDraft] = useState(value);
  const [caret, setCaret] = useState(value.length);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();

  useEffect(() => setDraft(value), [value]);

  const suggestions = open ? searchSuggestions(draft, caret) : [];
  const pick = (suggestion: Suggestion) => {
    const next = applySuggestion(draft, caret, suggestion);
    setDraft(next.query);
    setCaret(next.caret);
    setActive(-1);
    requestAnimationFrame(() => input.current?.setSelectionRange(next.caret, next.caret));
  };
  const submit = (query: string) => {
    setOpen(false);
    setActive(-1);
    onSubmit(query.trim());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const chosen = suggestions[active];
    if (event.key === 'ArrowDown' && suggestions.length > 0) {
      event.preventDefault();
      setActive((i) => (i + 1) % suggestions.length);
    } else if (event.key === 'ArrowUp' && suggestions.length > 0) {
      event.preventDefault();
      setActive((i) => (i <= 0 ? suggestions.length - 1 : i - 1));
    } else if ((event.key === 'Enter' || event.key === 'Tab') && chosen) {
      event.preventDefault();
      pick(chosen);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      submit(draft);
    } else if (event.key === 'Escape') {
      event.stopPropagation();
      if (open && suggestions.length > 0) setOpen(false);
      else {
        setDraft(value);
        input.current?.blur();
      }
    }
  };

  return (
    <div className="relative min-w-0 flex-1">
      <Search
        size={14}
        aria-hidden
        className="pointer-events-none absolute top-1/2 left-2.5 -translate-y-1/2 text-subtle"
      />
      <input
        ref={input}
        id={id}
        type="search"
        role="combobox"
        aria-label="Search issues"
        aria-autocomplete="list"
        aria-expanded={suggestions.length > 0}
        aria-controls={listId}
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        spellCheck={false}
        autoComplete="off"
        placeholder="Search: is:unresolved severity:blocking error.type:TypeError checkout"
        value={draft}
        onChange={(event) => {
          setDraft(event.target.value);
          setCaret(event.target.selectionStart ?? event.target.value.length);
          setOpen(true);
          setActive(-1);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart ?? draft.length)}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        className="h-8 w-full rounded-md border border-line-strong bg-surface pr-8 pl-8 font-mono text-[12.5px] text-fg placeholder:font-sans placeholder:text-subtle focus:border-accent focus:ring-2 focus:ring-accent/25 focus:outline-none [&::-webkit-search-cancel-button]:hidden"
      />
      {draft && (
        <button
          type="button"
          aria-label="Clear search"
          onClick={() => {
            setDraft('');
            submit('');
          }}
          className="absolute top-1/2 right-1.5 -translate-y-1/2 rounded p-1 text-subtle hover:bg-hover hover:text-fg"
        >
          <X size={13} />
        </button>
      )}
      <ul
        id={listId}
        role="listbox"
        aria-label="Search suggestions"
        className={classNames(
          'absolute z-30 mt-1 w-full max-w-md overflow-hidden rounded-lg border border-line bg-surface py-1 shadow-pop',
          suggestions.length === 0 && 'hidden',
        )}
      >
        {suggestions.map((suggestion, index) => (
          <li
            key={suggestion.insert}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            onMouseDown={(event) => {
              event.preventDefault();
              pick(suggestion);
            }}
            className={classNames(
              'flex cursor-pointer items-baseline justify-between gap-3 px-3 py-1.5 text-[13px]',
              index === active ? 'bg-hover' : 'hover:bg-hover',
            )}
          >
            <span className="font-mono text-[12.5px] text-accent-text">{suggestion.label}</span>
            {suggestion.description && (
              <span className="truncate text-xs text-subtle">{suggestion.description}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
