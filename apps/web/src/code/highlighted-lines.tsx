import { Highlight } from 'prism-react-renderer';
import type { ReactNode } from 'react';
import { syntaxTheme } from './syntax-theme.ts';

/**
 * Highlights `lines` as one block (so multi-line strings and comments color right) and hands each
 * highlighted line to `renderLine`, which draws gutters, markers and backgrounds around it.
 */
export function HighlightedLines({
  lines,
  language,
  renderLine,
}: {
  lines: string[];
  language: string;
  renderLine: (index: number, content: ReactNode) => ReactNode;
}) {
  return (
    <Highlight code={lines.join('\n')} language={language} theme={syntaxTheme}>
      {({ tokens, getTokenProps }) => (
        <>
          {tokens.map((line, index) =>
            renderLine(
              index,
              line.map((token, key) => {
                const { key: _ignored, ...props } = getTokenProps({ token, key }) as ReturnType<
                  typeof getTokenProps
                > & { key?: unknown };
                return <span key={key} {...props} />;
              }),
            ),
          )}
        </>
      )}
    </Highlight>
  );
}
