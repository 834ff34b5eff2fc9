import ts from 'typescript';

const SCRIPT_KINDS: Readonly<Record<string, ts.ScriptKind>> = {
  '.ts': ts.ScriptKind.TS,
  '.mts': ts.ScriptKind.TS,
  '.cts': ts.ScriptKind.TS,
  '.tsx': ts.ScriptKind.TSX,
  '.jsx': ts.ScriptKind.JSX,
};

export const JS_SOURCE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx'] as const;

export function isJsSourcePath(path: string): boolean {
  return JS_SOURCE_EXTENSIONS.some((ext) => path.endsWith(ext)) && !path.endsWith('.d.ts');
}

/** A JavaScript or TypeScript file parsed with TypeScript's own parser (parents set, no type check). */
export function parseSource(path: string, text: string): ts.SourceFile {
  const ext = /\.[^./]+$/.exec(path)?.[0] ?? '.js';
  const kind = SCRIPT_KINDS[ext] ?? ts.ScriptKind.JS;
  return ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
}

/** The offset of a 1-based line and column (Sentry's `lineno`/`colno`), or null when out of range. */
export function offsetOf(source: ts.SourceFile, line: number, column: number): number | null {
  const starts = source.getLineStarts();
  const start = starts[line - 1];
  if (start === undefined) return null;
  const end = starts[line] ?? source.text.length;
  const offset = start + Math.max(0, column - 1);
  return offset < end ? offset : null;
}

/** The innermost node of the given kind that contains `offset`. */
export function innermostAt<T extends ts.Node>(
  source: ts.SourceFile,
  offset: number,
  test: (node: ts.Node) => node is T,
): T | null {
  let found: T | null = null;
  const visit = (node: ts.Node): void => {
    if (offset < node.getStart(source) || offset >= node.getEnd()) return;
    if (test(node)) found = node;
    node.forEachChild(visit);
  };
  source.forEachChild(visit);
  return found;
}

/**
 * The node of the given kind at `offset`: the innermost one containing it, else the first one inside
 * the outermost node that starts exactly there. V8 does not always point at the failing sub-expression:
 * a ReferenceError in `return typo(x);` is reported at the start of the `return` statement.
 */
export function nodeAtCrash<T extends ts.Node>(
  source: ts.SourceFile,
  offset: number,
  test: (node: ts.Node) => node is T,
): T | null {
  const inner = innermostAt(source, offset, test);
  if (inner !== null) return inner;
  const starting: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (starting.length > 0 || offset < node.getStart(source) || offset >= node.getEnd()) return;
    if (node.getStart(source) === offset) starting.push(node);
    else node.forEachChild(visit);
  };
  source.forEachChild(visit);
  return starting[0] === undefined ? null : (collectNodes(starting[0], test)[0] ?? null);
}

/** Every node of the file for which `test` holds, in source order. */
export function collectNodes<T extends ts.Node>(root: ts.Node, test: (node: ts.Node) => node is T): T[] {
  const found: T[] = [];
  const visit = (node: ts.Node): void => {
    if (test(node)) found.push(node);
    node.forEachChild(visit);
  };
  visit(root);
  return found;
}
