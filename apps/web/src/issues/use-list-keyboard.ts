import { useEffect, useState } from 'react';

export interface ListKeyboardActions {
  count: number;
  onOpen: (index: number) => void;
  onToggle: (index: number) => void;
  onFocusSearch: () => void;
  onRefresh: () => void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The issue list's shortcuts: j/k move, Enter (or o) opens, x selects, / focuses the search, r refreshes.
 * Ignored while typing in a field and when a modifier key is held.
 */
export function useListKeyboard({ count, onOpen, onToggle, onFocusSearch, onRefresh }: ListKeyboardActions) {
  const [active, setActive] = useState(-1);
  useEffect(() => {
    if (active >= count) setActive(count - 1);
  }, [active, count]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      if (document.querySelector('[role="dialog"], [role="menu"]')) return;
      switch (event.key) {
        case 'j':
          event.preventDefault();
          setActive((i) => Math.min(count - 1, i + 1));
          break;
        case 'k':
          event.preventDefault();
          setActive((i) => Math.max(0, i - 1));
          break;
        case 'Enter':
        case 'o':
          if (active >= 0) {
            event.preventDefault();
            onOpen(active);
          }
          break;
        case 'x':
          if (active >= 0) onToggle(active);
          break;
        case '/':
          event.preventDefault();
          onFocusSearch();
          break;
        case 'r':
          onRefresh();
          break;
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [active, count, onOpen, onToggle, onFocusSearch, onRefresh]);
  return [active, setActive] as const;
}
