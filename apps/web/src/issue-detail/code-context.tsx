import { HighlightedLines } from '../code/highlighted-lines.tsx';
import { classNames } from '../ui/class-names.ts';

/** The source around a frame, syntax-highlighted, with the frame's own line marked. */
export function CodeContext({
  context,
  lineNo,
  language,
}: {
  context: [number, string][];
  lineNo: number | null;
  language: string;
}) {
  if (context.length === 0) return null;
  return (
    <pre
      className="overflow-x-auto bg-code py-1.5 font-mono text-[12px] leading-[1.6]"
      aria-label="Source context"
    >
      <HighlightedLines
        lines={context.map(([, line]) => line)}
        language={language}
        renderLine={(index, content) => {
          const number = context[index]?.[0];
          const current = number === lineNo;
          return (
            <div
              key={index}
              data-current={current || undefined}
              className={classNames('flex', current && 'bg-code-hl')}
            >
              <span
                aria-hidden
                className={classNames(
                  'w-12 shrink-0 pr-3 text-right tabular-nums select-none',
                  current ? 'border-l-2 border-warn text-fg' : 'border-l-2 border-transparent text-subtle',
                )}
              >
                {number}
              </span>
              <code className="pr-4 whitespace-pre">{content}</code>
            </div>
          );
        }}
      />
    </pre>
  );
}
