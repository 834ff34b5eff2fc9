import ts from 'typescript';
import { boundNames } from '../source/top-level-bindings.ts';

/** Globals a typo is most often made in; a fix to one of them needs no import. */
export const COMMON_GLOBALS = [
  'console', 'Math', 'JSON', 'Object', 'Array', 'Number', 'String', 'Boolean', 'Promise', 'Date', 'Error',
  'TypeError', 'RangeError', 'Map', 'Set', 'WeakMap', 'Symbol', 'BigInt', 'RegExp', 'parseInt', 'parseFloat',
  'isNaN', 'isFinite', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'structuredClone',
  'encodeURIComponent', 'decodeURIComponent', 'process', 'Buffer', 'URL', 'URLSearchParams', 'fetch',
  'undefined', 'globalThis', 'require', 'module', 'exports',
]; // prettier-ignore

/**
 * The names visible at `node`: parameters and names of the enclosing functions, declarations of the
 * enclosing blocks (including hoisted functions and `var`s of the function), loop and catch variables,
 * and the module's own top-level declarations and imports.
 */
export function namesInScope(node: ts.Node): Set<string> {
  const names = new Set<string>();
  for (let current: ts.Node | undefined = node; current; current = current.parent) {
    if (ts.isFunctionLike(current)) {
      for (const parameter of current.parameters) boundNames(parameter.name).forEach((n) => names.add(n));
      if ((ts.isFunctionExpression(current) || ts.isFunctionDeclaration(current)) && current.name)
        names.add(current.name.text);
    }
    if (
      ts.isBlock(current) ||
      ts.isSourceFile(current) ||
      ts.isCaseClause(current) ||
      ts.isDefaultClause(current)
    ) {
      current.statements.forEach((statement) => declaredBy(statement).forEach((n) => names.add(n)));
    }
    if (
      (ts.isForStatement(current) || ts.isForOfStatement(current) || ts.isForInStatement(current)) &&
      current.initializer &&
      ts.isVariableDeclarationList(current.initializer)
    ) {
      current.initializer.declarations.forEach((d) => boundNames(d.name).forEach((n) => names.add(n)));
    }
    if (ts.isCatchClause(current) && current.variableDeclaration)
      boundNames(current.variableDeclaration.name).forEach((n) => names.add(n));
  }
  return names;
}

function declaredBy(statement: ts.Statement): string[] {
  if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name)
    return [statement.name.text];
  if (ts.isVariableStatement(statement))
    return statement.declarationList.declarations.flatMap((d) => boundNames(d.name));
  if (ts.isImportDeclaration(statement) && statement.importClause) {
    const clause = statement.importClause;
    const bindings = clause.namedBindings;
    const named = bindings && ts.isNamedImports(bindings) ? bindings.elements.map((e) => e.name.text) : [];
    const namespace = bindings && ts.isNamespaceImport(bindings) ? [bindings.name.text] : [];
    return [...(clause.name ? [clause.name.text] : []), ...named, ...namespace];
  }
  return [];
}
