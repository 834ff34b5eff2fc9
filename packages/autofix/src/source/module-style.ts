import ts from 'typescript';
import { collectNodes } from './parse-source.ts';

export type ModuleStyle = 'esm' | 'cjs';

/** How a file loads modules: its own import/require syntax first, then its extension, then package.json. */
export function moduleStyle(source: ts.SourceFile, packageType: string | null): ModuleStyle {
  const esm = source.statements.some(
    (s) => ts.isImportDeclaration(s) || ts.isExportDeclaration(s) || ts.isExportAssignment(s) || hasExport(s),
  );
  if (esm) return 'esm';
  if (requireCalls(source).length > 0 || /\bmodule\.exports\b|\bexports\.\w/.test(source.text)) return 'cjs';
  if (/\.(mjs|mts)$/.test(source.fileName)) return 'esm';
  if (/\.(cjs|cts)$/.test(source.fileName)) return 'cjs';
  if (/\.tsx?$/.test(source.fileName)) return 'esm';
  return packageType === 'module' ? 'esm' : 'cjs';
}

function hasExport(statement: ts.Statement): boolean {
  const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
  return modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
}

/** The `require('…')` calls of a file, with their string-literal argument. */
export function requireCalls(
  source: ts.SourceFile,
): Array<{ call: ts.CallExpression; specifier: ts.StringLiteral }> {
  const isRequire = (node: ts.Node): node is ts.CallExpression =>
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'require' &&
    node.arguments.length === 1 &&
    node.arguments[0] !== undefined &&
    ts.isStringLiteral(node.arguments[0]);
  return collectNodes(source, isRequire).map((call) => ({
    call,
    specifier: call.arguments[0] as ts.StringLiteral,
  }));
}

/** Every module specifier literal of a file: static imports, re-exports, `import()` and `require()`. */
export function moduleSpecifiers(source: ts.SourceFile): ts.StringLiteral[] {
  const isSpecifier = (node: ts.Node): node is ts.StringLiteral => {
    if (!ts.isStringLiteral(node)) return false;
    const parent = node.parent;
    if (
      (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) &&
      parent.moduleSpecifier === node
    ) {
      return true;
    }
    if (!ts.isCallExpression(parent) || parent.arguments[0] !== node) return false;
    const callee = parent.expression;
    return (
      callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')
    );
  };
  return collectNodes(source, isSpecifier);
}
