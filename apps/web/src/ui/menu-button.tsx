import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { classNames } from './class-names.ts';

export interface MenuItem {
  key: string;
  label: ReactNode;
  description?: string;
  onSelect: () => void;
  selected?: boolean;
  disabled?: boolean;
}

/** A button that opens a menu; arrow keys move, Enter picks, Escape closes. */
export function MenuButton({
  label,
  items,
  children,
  align = 'start',
  header,
  buttonClassName,
  disabled = false,
}: {
  label: string;
  items: MenuItem[];
  children: ReactNode;
  align?: 'start' | 'end';
  header?: ReactNode;
  buttonClassName?: string;
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (!open) return;
    itemRefs.current.find((item) => item && !item.disabled)?.focus();
    const onPointer = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onPointer);
    return () => document.removeEventListener('mousedown', onPointer);
  }, [open]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const enabled = itemRefs.current.filter(
      (item): item is HTMLButtonElement => item !== null && !item.disabled,
    );
    const index = enabled.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      enabled[(index + step + enabled.length) % enabled.length]?.focus();
    } else if (event.key === 'Escape') {
      event.stopPropagation();
      setOpen(false);
      root.current?.querySelector<HTMLButtonElement>('button')?.focus();
    }
  };

  return (
    <div ref={root} className="relative inline-block" onKeyDown={onKeyDown}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={label}
        disabled={disabled}
        onClick={() => setOpen((value) => !value)}
        className={buttonClassName}
      >
        {children}
      </button>
      {open && (
        <div
          id={menuId}
          role="menu"
          aria-label={label}
          className={classNames(
            'absolute z-40 mt-1 max-h-80 min-w-48 overflow-auto rounded-lg border border-line bg-surface p-1 shadow-pop',
            align === 'end' ? 'right-0' : 'left-0',
          )}
        >
          {header}
          {items.map((item, index) => (
            <button
              key={item.key}
              ref={(element) => {
                itemRefs.current[index] = element;
              }}
              type="button"
              role="menuitem"
              disabled={item.disabled}
              onClick={() => {
                setOpen(false);
                item.onSelect();
              }}
              className={classNames(
                'flex w-full flex-col items-start rounded-md px-2.5 py-1.5 text-left text-[13px] hover:bg-hover focus:bg-hover focus:outline-none disabled:opacity-50',
                item.selected && 'font-semibold text-accent-text',
              )}
            >
              <span>{item.label}</span>
              {item.description && <span className="text-xs text-subtle">{item.description}</span>}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
