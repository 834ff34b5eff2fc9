import ts from 'typescript';
import type { ModuleStyle } from '../source/module-style.ts';
import { requireCalls } from '../source/module-style.ts';
import type { TextEdit } from '../source/text-edits.ts';

/**
 * The edit that imports `name` from `specifier` in the file's own style: into an existing named import
 * of that module, else after the file's last import (or require), else at the top. Quotes and
 * semicolons follow the file's existing imports.
 */
export function importEdit(
  source: ts.SourceFile,
  style: ModuleStyle,
  name: string,
  specifier: string,
): TextEdit {
  const quote = /^\s*(?:import|const|let|var)\b[^\n]*?(['"])/m.exec(source.text)?.[1] ?? "'";
  const semi = usesSemicolons(source) ? ';' : '';
  const literal = `${quote}${specifier}${quote}`;
  if (style === 'esm') {
    const existing = source.statements.find(
      (s): s is ts.ImportDeclaration =>
        ts.isImportDeclaration(s) &&
        ts.isStringLiteral(s.moduleSpecifier) &&
        s.moduleSpecifier.text === specifier,
    );
    const named = existing?.importClause?.namedBindings;
    if (named && ts.isNamedImports(named) && !existing?.importClause?.isTypeOnly) {
      const last = named.elements[named.elements.length - 1];
      if (last) return { start: last.end, end: last.end, replacement: `, ${name}` };
    }
    return afterLastImport(source, `import { ${name} } from ${literal}${semi}`, ts.isImportDeclaration);
  }
  const requires = new Set(requireCalls(source).map(({ call }) => call));
  const isRequireStatement = (s: ts.Statement): boolean =>
    ts.isVariableStatement(s) &&
    s.declarationList.declarations.some(
      (d) => d.initializer && requires.has(d.initializer as ts.CallExpression),
    );
  return afterLastImport(source, `const { ${name} } = require(${literal})${semi}`, isRequireStatement);
}

function afterLastImport(
  source: ts.SourceFile,
  line: string,
  isImport: (s: ts.Statement) => boolean,
): TextEdit {
  const imports = source.statements.filter(isImport);
  const last = imports[imports.length - 1];
  if (last) return { start: last.end, end: last.end, replacement: `\n${line}` };
  const first = source.statements.find((s) => !isDirective(s));
  const directive = [...source.statements].reverse().find(isDirective);
  if (directive && (!first || directive.end < first.getStart(source))) {
    return { start: directive.end, end: directive.end, replacement: `\n${line}` };
  }
  const start = first ? first.getStart(source) : source.text.length;
  return { start, end: start, replacement: `${line}\n\n` };
}

function isDirective(statement: ts.Statement): boolean {
  return ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression);
}

/** Whether the file ends its simple statements with semicolons (the default when it has none). */
function usesSemicolons(source: ts.SourceFile): boolean {
  const simple = source.statements
    .filter((s) => ts.isImportDeclaration(s) || ts.isVariableStatement(s) || ts.isExpressionStatement(s))
    .slice(0, 30);
  const ended = simple.filter((s) => source.text.slice(s.pos, s.end).trimEnd().endsWith(';')).length;
  return simple.length === 0 || ended * 2 >= simple.length;
}
