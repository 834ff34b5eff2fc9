import { FileCode2 } from 'lucide-react';
import { HighlightedLines } from '../code/highlighted-lines.tsx';
import { languageOf } from '../issue-detail/normalize-frame.ts';
import { classNames } from '../ui/class-names.ts';
import type { DiffFile } from './parse-unified-diff.ts';

// On the tinted rows the theme's comment gray falls below 4.5:1 contrast: they use the muted text color.
const ROW: Record<'add' | 'del' | 'context', string> = {
  add: 'bg-diff-add [--syn-comment:var(--c-muted)]',
  del: 'bg-diff-del [--syn-comment:var(--c-muted)]',
  context: '',
};
const SIGN: Record<'add' | 'del' | 'context', string> = { add: '+', del: '-', context: ' ' };

/** One file of a diff in a single column: old and new line numbers, +/- marks, highlighted code. */
export function DiffFileView({ file }: { file: DiffFile }) {
  const path = file.newPath ?? file.oldPath ?? 'unknown';
  const language = languageOf(path, undefined);
  return (
    <section aria-label={`Changes to ${path}`} className="overflow-hidden rounded-md border border-line">
      <header className="flex items-center gap-2 border-b border-line bg-raised px-3 py-1.5 text-[12.5px]">
        <FileCode2 size={14} aria-hidden className="text-subtle" />
        <span className="min-w-0 truncate font-mono font-medium">
          {file.oldPath && file.newPath && file.oldPath !== file.newPath
            ? `${file.oldPath} → ${file.newPath}`
            : path}
        </span>
        <span className="ml-auto font-mono text-xs">
          <span className="text-ok">+{file.additions}</span>{' '}
          <span className="text-danger">−{file.deletions}</span>
        </span>
      </header>
      {/* Focusable, so keyboard users can scroll long lines sideways. */}
      <div
        tabIndex={0}
        role="region"
        aria-label={`Diff of ${path}`}
        className="overflow-x-auto bg-code font-mono text-[12px] leading-[1.6]"
      >
        {file.hunks.map((hunk, index) => (
          <div key={index}>
            <div className="bg-info-soft px-3 py-0.5 text-info">{hunk.header}</div>
            <HighlightedLines
              lines={hunk.lines.map((line) => line.text)}
              language={language}
              renderLine={(i, content) => {
                const line = hunk.lines[i];
                if (!line) return null;
                return (
                  <div key={i} data-diff={line.type} className={classNames('flex min-w-max', ROW[line.type])}>
                    <span
                      aria-hidden
                      className="w-10 shrink-0 pr-2 text-right text-subtle tabular-nums select-none"
                    >
                      {line.oldNo ?? ''}
                    </span>
                    <span
                      aria-hidden
                      className="w-10 shrink-0 pr-2 text-right text-subtle tabular-nums select-none"
                    >
                      {line.newNo ?? ''}
                    </span>
                    <span
                      className={classNames(
                        'w-5 shrink-0 text-center select-none',
                        line.type === 'add' && 'text-ok',
                        line.type === 'del' && 'text-danger',
                      )}
                      aria-label={line.type === 'add' ? 'added' : line.type === 'del' ? 'removed' : undefined}
                    >
                      {SIGN[line.type]}
                    </span>
                    <code className="pr-4 whitespace-pre">{content}</code>
                  </div>
                );
              }}
            />
          </div>
        ))}
      </div>
    </section>
  );
}
