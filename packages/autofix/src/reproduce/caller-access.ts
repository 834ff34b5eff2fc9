import ts from 'typescript';
import { innermostAt } from '../source/parse-source.ts';
import { bindingPath } from './alias-access.ts';
import { memberChain, type CrashAccess } from './crash-access.ts';
import type { FrameSite } from './frame-sites.ts';

/**
 * The same proven path seen from the caller: when `outer` called `inner` at its frame position with
 * `inner(order.lines[0])` and the path starts at inner's parameter, it starts at `order` there, so the
 * caller's captured variables (which the SDK cut at the same depth) can be rebuilt too. Null when the
 * call is not a plain one (callbacks through `Array.map`, spread or computed arguments).
 */
export function callerAccess(outer: FrameSite, inner: FrameSite, access: CrashAccess): CrashAccess | null {
  if (!outer.source || outer.offset === null || !outer.fn || !inner.fn) return null;
  const call = innermostAt(outer.source, outer.offset, ts.isCallExpression);
  if (!call || call.pos < outer.fn.pos || call.end > outer.fn.end) return null;
  for (const [index, parameter] of inner.fn.parameters.entries()) {
    const prefix = bindingPath(parameter.name, access.root);
    const argument = call.arguments[index];
    if (!prefix || !argument) continue;
    const chain = memberChain(argument, outer.frame.vars ?? {});
    return chain ? { root: chain.root, path: [...chain.path, ...prefix, ...access.path], missing: access.missing } : null; // prettier-ignore
  }
  return null;
}
