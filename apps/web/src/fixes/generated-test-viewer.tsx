import { useState } from 'react';
import { ChevronRight, FlaskConical } from 'lucide-react';
import { HighlightedLines } from '../code/highlighted-lines.tsx';
import { languageOf } from '../issue-detail/normalize-frame.ts';
import { classNames } from '../ui/class-names.ts';

/** The regression test written with the fix, folded by default. */
export function GeneratedTestViewer({ test }: { test: { path: string; code: string; language?: string } }) {
  const [open, setOpen] = useState(false);
  const lines = test.code.replace(/\n$/, '').split('\n');
  return (
    <div className="overflow-hidden rounded-md border border-line">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
        className="flex w-full items-center gap-2 bg-raised px-3 py-2 text-left text-[13px] hover:bg-hover"
      >
        <ChevronRight
          size={14}
          aria-hidden
          className={classNames('text-subtle transition-transform', open && 'rotate-90')}
        />
        <FlaskConical size={14} aria-hidden className="text-subtle" />
        <span className="font-mono text-[12.5px]">{test.path}</span>
        <span className="ml-auto text-xs text-subtle">{lines.length} lines</span>
      </button>
      {open && (
        <pre className="overflow-x-auto border-t border-line bg-code py-1.5 font-mono text-[12px] leading-[1.6]">
          <HighlightedLines
            lines={lines}
            language={test.language ?? languageOf(test.path, undefined)}
            renderLine={(index, content) => (
              <div key={index} className="flex">
                <span aria-hidden className="w-10 shrink-0 pr-3 text-right text-subtle select-none">
                  {index + 1}
                </span>
                <code className="pr-4 whitespace-pre">{content}</code>
              </div>
            )}
          />
        </pre>
      )}
    </div>
  );
}
