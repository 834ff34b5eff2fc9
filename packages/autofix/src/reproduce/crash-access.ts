import ts from 'typescript';
import type { FrameSite } from './frame-sites.ts';

/** One step of a property path: a property name or an array index. */
export type PathKey = string | number;

/**
 * What a "Cannot read properties of null (reading 'x')" crash proves about a variable: `root` followed
 * along `path` was null or undefined (`missing`), and every value before it on the way was an object,
 * since reading from it did not throw.
 */
export interface CrashAccess {
  root: string;
  path: PathKey[];
  missing: null | undefined;
}

const MESSAGES = [
  /^Cannot (?:read|set) properties of (null|undefined) \((?:reading|setting) '(.*)'\)$/,
  /^Cannot (?:read|set) property '(.*)' of (null|undefined)$/, // Node 14 and older
];

/**
 * The property access that threw at the crash site, read from the message and the source at the frame's
 * position: V8 points at the property name when reading and at the `=` when setting, so the access named
 * by the message that starts nearest the position on that line is the one.
 */
export function crashAccess(
  site: FrameSite,
  type: string,
  message: string,
  vars: Readonly<Record<string, unknown>>,
): CrashAccess | null {
  const read = type === 'TypeError' ? parseMessage(message) : null;
  const { source, offset } = site;
  if (!read || !source || offset === null) return null;
  const line = source.getLineAndCharacterOfPosition(offset).line;
  let best: { path: PathKey[]; root: string; distance: number } | null = null;
  const visit = (node: ts.Node): void => {
    const key = accessKey(node, vars);
    const start = node.getStart(source);
    if (key === read.key && source.getLineAndCharacterOfPosition(start).line === line) {
      const chain = memberChain((node as ts.PropertyAccessExpression).expression, vars);
      const distance = Math.abs(nameStart(node, source) - offset);
      if (chain && (!best || distance < best.distance)) best = { ...chain, distance };
    }
    node.forEachChild(visit);
  };
  source.forEachChild(visit);
  const found = best as { path: PathKey[]; root: string } | null;
  return found ? { root: found.root, path: found.path, missing: read.missing } : null;
}

function parseMessage(message: string): { key: string; missing: null | undefined } | null {
  const [modern, legacy] = MESSAGES.map((pattern) => pattern.exec(message));
  const nullish = modern?.[1] ?? legacy?.[2];
  const key = modern?.[2] ?? legacy?.[1];
  return nullish && key !== undefined ? { key, missing: nullish === 'null' ? null : undefined } : null;
}

/** The key a property or element access reads, when the source or the frame's variables tell it. */
function accessKey(node: ts.Node, vars: Readonly<Record<string, unknown>>): string | null {
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (!ts.isElementAccessExpression(node)) return null;
  const argument = node.argumentExpression;
  if (ts.isStringLiteralLike(argument) || ts.isNumericLiteral(argument)) return argument.text;
  const value = ts.isIdentifier(argument) ? vars[argument.text] : undefined;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}

/** `a` → {a, []}; `a.b[0].c` → {a, [b, 0, c]}; calls, `this` and computed unknown keys → null. */
export function memberChain(
  expression: ts.Expression,
  vars: Readonly<Record<string, unknown>>,
): { root: string; path: PathKey[] } | null {
  if (ts.isIdentifier(expression)) return { root: expression.text, path: [] };
  const key = accessKey(expression, vars);
  if (key === null) return null;
  const inner = memberChain((expression as ts.PropertyAccessExpression).expression, vars);
  const step = ts.isElementAccessExpression(expression) && /^\d+$/.test(key) ? Number(key) : key;
  return inner ? { root: inner.root, path: [...inner.path, step] } : null;
}

function nameStart(node: ts.Node, source: ts.SourceFile): number {
  if (ts.isPropertyAccessExpression(node)) return node.name.getStart(source);
  return (node as ts.ElementAccessExpression).argumentExpression.getStart(source);
}
