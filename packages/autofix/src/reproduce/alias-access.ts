import ts from 'typescript';
import { collectNodes } from '../source/parse-source.ts';
import { memberChain, type CrashAccess, type PathKey } from './crash-access.ts';
import type { FrameSite } from './frame-sites.ts';

/**
 * The same proven path from the value a local was read from: after `const c = order.customer` (or
 * `const { customer: c } = order`) a path from `c` is one from `order.customer`. Only `const`, so the
 * local still holds what it was read as; null when the root is no such local of the frame's function.
 */
export function aliasAccess(site: FrameSite, access: CrashAccess): CrashAccess | null {
  if (!site.fn || !site.source) return null;
  const declarations = collectNodes(site.fn, ts.isVariableDeclaration);
  for (const declaration of declarations) {
    const list = declaration.parent;
    if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) continue;
    if (!declaration.initializer || nearestFunction(declaration) !== site.fn) continue;
    const prefix = bindingPath(declaration.name, access.root);
    const chain = prefix ? memberChain(declaration.initializer, site.frame.vars ?? {}) : null;
    if (chain && prefix) return { ...access, root: chain.root, path: [...chain.path, ...prefix, ...access.path] }; // prettier-ignore
  }
  return null;
}

/** Where `name` sits in a binding: [] for the name itself, [key] for `{ key: name }` or `{ name }`. */
export function bindingPath(binding: ts.BindingName, name: string): PathKey[] | null {
  if (ts.isIdentifier(binding)) return binding.text === name ? [] : null;
  if (!ts.isObjectBindingPattern(binding)) return null;
  for (const element of binding.elements) {
    if (element.dotDotDotToken) continue;
    const key = element.propertyName ?? element.name;
    const inner = bindingPath(element.name, name);
    if (inner && (ts.isIdentifier(key) || ts.isStringLiteral(key))) return [key.text, ...inner];
  }
  return null;
}

function nearestFunction(node: ts.Node): ts.Node | undefined {
  let current = node.parent;
  while (current && !ts.isFunctionLike(current)) current = current.parent;
  return current;
}
