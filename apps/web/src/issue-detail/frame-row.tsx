import { useState } from 'react';
import { ChevronRight } from 'lucide-react';
import { Badge } from '../ui/badge.tsx';
import { classNames } from '../ui/class-names.ts';
import { CodeContext } from './code-context.tsx';
import { FrameVars } from './frame-vars.tsx';
import { languageOf } from './normalize-frame.ts';
import type { Frame } from './normalize-frame.ts';

/** One frame: file, function and line; expands to its source context and local variables. */
export function FrameRow({
  frame,
  platform,
  defaultOpen,
}: {
  frame: Frame;
  platform?: string;
  defaultOpen: boolean;
}) {
  const [open, setOpen] = useState(defaultOpen);
  const expandable = frame.context.length > 0 || frame.vars !== null;
  return (
    <li
      className={classNames(
        'border-b border-line last:border-b-0',
        frame.inApp && 'border-l-2 border-l-accent',
      )}
    >
      <button
        type="button"
        aria-expanded={expandable ? open : undefined}
        disabled={!expandable}
        onClick={() => setOpen((value) => !value)}
        className={classNames(
          'flex w-full items-center gap-2 px-3 py-1.5 text-left font-mono text-[12px]',
          expandable && 'hover:bg-hover',
          frame.inApp ? 'bg-surface' : 'bg-raised/50 text-muted',
        )}
      >
        <ChevronRight
          size={13}
          aria-hidden
          className={classNames(
            'shrink-0 text-subtle transition-transform',
            open && 'rotate-90',
            !expandable && 'invisible',
          )}
        />
        <span className={classNames('min-w-0 truncate', frame.inApp && 'font-semibold text-fg')}>
          {frame.filename}
        </span>
        {frame.function && (
          <>
            <span className="text-subtle">in</span>
            <span className="min-w-0 truncate text-accent-text">{frame.function}</span>
          </>
        )}
        {frame.lineNo !== null && (
          <span className="shrink-0 text-subtle">
            at line {frame.lineNo}
            {frame.colNo !== null && `:${frame.colNo}`}
          </span>
        )}
        {frame.inApp && (
          <Badge tone="accent" className="ml-auto font-sans">
            In App
          </Badge>
        )}
      </button>
      {open && expandable && (
        <div className="border-t border-line">
          <CodeContext
            context={frame.context}
            lineNo={frame.lineNo}
            language={languageOf(frame.filename, platform)}
          />
          {frame.vars && <FrameVars vars={frame.vars} />}
        </div>
      )}
    </li>
  );
}
