import ts from 'typescript';
import type { FunctionNode } from '../source/top-level-bindings.ts';
import { innermostAt } from '../source/parse-source.ts';
import type { FrameSite } from './frame-sites.ts';
import type { InferredArguments } from './arguments-from-vars.ts';

/** Array methods that call their callback with the element first (reduce: second). */
const ELEMENT_CALLBACKS: Readonly<Record<string, number>> = {
  map: 0, forEach: 0, filter: 0, find: 0, findIndex: 0, findLast: 0, some: 0, every: 0, flatMap: 0,
  reduce: 1, reduceRight: 1,
}; // prettier-ignore

/**
 * Infers the arguments of `outer` (a frame without captured variables) from the call it made at its frame
 * position into `inner`, whose arguments are known: `inner(a, b.c)` gives `a` and `b.c` when they are
 * outer's parameters, and `xs.map(cb)` through a native frame gives `xs = [element]`.
 */
export function inferOuterArguments(
  outer: FrameSite,
  inner: FrameSite,
  innerArgs: InferredArguments,
): InferredArguments | null {
  if (!outer.fn || !outer.source || outer.offset === null || !inner.fn) return null;
  const call = innermostAt(outer.source, outer.offset, ts.isCallExpression);
  if (!call || !within(call, outer.fn)) return null;
  const params = outer.fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : null));
  const result: InferredArguments = { values: params.map(() => undefined), known: params.map(() => false) };
  const assign = (name: string, value: unknown, path: string[] = []): void => {
    const index = params.indexOf(name);
    if (index < 0) return;
    result.values[index] = path.length === 0 ? value : nest(result.values[index], path, value);
    result.known[index] = true;
  };
  const callback = elementCallback(call, inner.fn);
  if (callback) {
    const target = memberRoot(callback.array);
    const element = innerArgs.values[callback.elementIndex];
    if (target && innerArgs.known[callback.elementIndex]) assign(target.name, [element], target.path);
  } else {
    call.arguments.forEach((argument, index) => {
      const target = memberRoot(argument);
      if (target && innerArgs.known[index]) assign(target.name, innerArgs.values[index], target.path);
    });
  }
  return result.known.some(Boolean) ? result : null;
}

function elementCallback(call: ts.CallExpression, innerFn: FunctionNode) {
  if (!ts.isPropertyAccessExpression(call.expression)) return null;
  const elementIndex = ELEMENT_CALLBACKS[call.expression.name.text];
  const callback = call.arguments[0];
  if (elementIndex === undefined || !callback) return null;
  const direct =
    callback === innerFn || (ts.isIdentifier(callback) && functionName(innerFn) === callback.text);
  const wrapping = within(innerFn, callback) || direct;
  return wrapping ? { array: call.expression.expression, elementIndex } : null;
}

/** `a` → {a, []}; `a.b.c` → {a, [b, c]}; anything else → null. */
function memberRoot(expression: ts.Expression): { name: string; path: string[] } | null {
  if (ts.isIdentifier(expression)) return { name: expression.text, path: [] };
  if (ts.isPropertyAccessExpression(expression)) {
    const root = memberRoot(expression.expression);
    return root ? { name: root.name, path: [...root.path, expression.name.text] } : null;
  }
  return null;
}

function nest(existing: unknown, path: string[], value: unknown): Record<string, unknown> {
  const root: Record<string, unknown> =
    typeof existing === 'object' && existing !== null ? { ...existing } : {};
  let cursor = root;
  path.forEach((key, index) => {
    if (index === path.length - 1) cursor[key] = value;
    else
      cursor = cursor[key] =
        typeof cursor[key] === 'object' && cursor[key] !== null ? { ...cursor[key] } : {};
  });
  return root;
}

function within(node: ts.Node, container: ts.Node): boolean {
  return node.pos >= container.pos && node.end <= container.end;
}

function functionName(fn: FunctionNode): string | null {
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) && fn.name) return fn.name.text;
  const parent = fn.parent;
  return ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) ? parent.name.text : null;
}
