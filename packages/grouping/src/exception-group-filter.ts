import type { ExceptionData } from './exception-component.ts';
import type { Variants } from './stacktrace-component.ts';

interface TreeNode {
  exception?: ExceptionData;
  children: ExceptionData[];
}

const MAX_DEPTH = 200;

/**
 * RFC 0079 filtering as Sentry implements it: keep the single distinct top-level exception with its
 * first-child path, or one of each distinct top-level exception plus the root group. Malformed trees
 * (no root, cycles) fall back to the full list, as Sentry does when its filter raises.
 */
export function filterExceptionGroups(exceptions: ExceptionData[], components: Map<ExceptionData, Variants>) {
  if (exceptions.length <= 1) return exceptions;
  const tree = new Map<number, TreeNode>();
  const node = (id: number) => {
    let found = tree.get(id);
    if (!found) tree.set(id, (found = { children: [] }));
    return found;
  };
  for (let i = exceptions.length - 1; i >= 0; i--) {
    const exception = exceptions[i] as ExceptionData;
    if (exception.exceptionId === undefined) return exceptions;
    // Sentry falls back to the full chain for self-parenting exceptions.
    if (exception.parentId === exception.exceptionId) return exceptions;
    node(exception.exceptionId).exception = exception;
    if (exception.parentId !== undefined) node(exception.parentId).children.push(exception);
  }
  const root = tree.get(0)?.exception;
  if (!root) return exceptions;
  const childrenOf = (e: ExceptionData) => tree.get(e.exceptionId as number)?.children ?? [];
  const topLevel: ExceptionData[] = [];
  const collect = (e: ExceptionData, depth: number): boolean => {
    if (depth > MAX_DEPTH) return false;
    if (!e.isExceptionGroup) {
      topLevel.push(e);
      return true;
    }
    return childrenOf(e).every((child) => collect(child, depth + 1));
  };
  if (!collect(root, 0)) return exceptions;
  const sorted = topLevel
    .map((e, i) => [e, i] as const)
    .sort((a, b) => compareDesc(String(a[0].type ?? 'None'), String(b[0].type ?? 'None')) || a[1] - b[1])
    .map(([e]) => e);
  const distinct: ExceptionData[] = [];
  let previousKey: string | undefined;
  for (const exception of sorted) {
    const key = signatureOf(components.get(exception));
    if (key !== previousKey) distinct.push(exception);
    previousKey = key;
  }
  if (distinct.length === 1) return firstPath(distinct[0] as ExceptionData, childrenOf) ?? exceptions;
  distinct.push(root);
  return distinct;
}

function compareDesc(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}

function signatureOf(variants: Variants | undefined): string {
  let signature = '';
  for (const component of variants?.values() ?? []) signature += component.signature();
  return signature;
}

function firstPath(
  start: ExceptionData,
  childrenOf: (e: ExceptionData) => ExceptionData[],
): ExceptionData[] | null {
  const path: ExceptionData[] = [];
  let current: ExceptionData | undefined = start;
  while (current && path.length <= MAX_DEPTH) {
    path.push(current);
    current = childrenOf(current)[0];
  }
  return path.length > MAX_DEPTH ? null : path;
}
