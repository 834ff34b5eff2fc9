import ts from 'typescript';
import { decodeNodeValue } from '../event/frame-value.ts';
import { moduleExports } from '../source/module-exports.ts';
import { parseSource } from '../source/parse-source.ts';
import { resolveModuleFile } from '../source/resolve-module-file.ts';
import type { CrashSite, FixContext } from './fixer.ts';

/**
 * The member names an expression is known to have, from evidence only: the exports of the module it was
 * imported or required as, the keys of the object literal or members of the class it was built from,
 * the class around `this`, or the runtime value captured in the frame (array and string methods).
 */
export async function knownShape(
  context: FixContext,
  site: CrashSite,
  object: ts.Expression,
): Promise<string[] | null> {
  if (object.kind === ts.SyntaxKind.ThisKeyword) {
    const cls = ts.findAncestor(object, ts.isClassLike);
    return cls ? classMembers(cls) : null;
  }
  if (ts.isPropertyAccessExpression(object)) return capturedShape(capturedAt(site.frame.vars, object));
  if (!ts.isIdentifier(object)) return null;
  const name = object.text;
  const specifier = importedModule(site.source, name);
  if (specifier !== null) {
    const files = new Set(await context.repo.listFiles());
    const file = resolveModuleFile(site.path, specifier, files);
    const text = file ? await context.repo.readText(file) : null;
    return file && text !== null ? moduleExports(parseSource(file, text)).map((e) => e.name) : null;
  }
  const initializer = declaredValue(site.source, name);
  if (initializer && ts.isObjectLiteralExpression(initializer)) {
    return initializer.properties.flatMap((p) =>
      p.name && !ts.isComputedPropertyName(p.name) ? [p.name.getText()] : [],
    );
  }
  if (initializer && ts.isNewExpression(initializer) && ts.isIdentifier(initializer.expression)) {
    const className = initializer.expression.text;
    const cls = site.source.statements.find(
      (s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === className,
    );
    if (cls) return classMembers(cls);
  }
  return capturedShape(site.frame.vars?.[name]);
}

/** The captured (raw) value of `a.b.c` when `a` is a captured variable and each step a plain object. */
function capturedAt(
  vars: Readonly<Record<string, unknown>> | null | undefined,
  expression: ts.Expression,
): unknown {
  if (ts.isIdentifier(expression)) return vars?.[expression.text];
  if (!ts.isPropertyAccessExpression(expression)) return undefined;
  const owner = capturedAt(vars, expression.expression);
  const isPlain = typeof owner === 'object' && owner !== null && !Array.isArray(owner);
  return isPlain ? (owner as Record<string, unknown>)[expression.name.text] : undefined;
}

function capturedShape(raw: unknown): string[] | null {
  if (raw === undefined) return null;
  const value = decodeNodeValue(raw);
  if (Array.isArray(value)) return Object.getOwnPropertyNames(Array.prototype);
  if (typeof value === 'string') return Object.getOwnPropertyNames(String.prototype);
  if (typeof value === 'number') return Object.getOwnPropertyNames(Number.prototype);
  return null;
}

function classMembers(cls: ts.ClassLikeDeclaration): string[] {
  return cls.members.flatMap((m) => (m.name && !ts.isComputedPropertyName(m.name) ? [m.name.getText()] : []));
}

/** The module a name is bound to as a whole: `import * as x`, `import x from`, `const x = require(…)`. */
function importedModule(source: ts.SourceFile, name: string): string | null {
  for (const statement of source.statements) {
    if (
      ts.isImportDeclaration(statement) &&
      statement.importClause &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      const bindings = statement.importClause.namedBindings;
      const namespace = bindings && ts.isNamespaceImport(bindings) && bindings.name.text === name;
      if (namespace || statement.importClause.name?.text === name) return statement.moduleSpecifier.text;
    }
  }
  const value = declaredValue(source, name);
  if (
    value &&
    ts.isCallExpression(value) &&
    ts.isIdentifier(value.expression) &&
    value.expression.text === 'require'
  ) {
    const argument = value.arguments[0];
    return argument && ts.isStringLiteral(argument) ? argument.text : null;
  }
  return null;
}

function declaredValue(source: ts.SourceFile, name: string): ts.Expression | undefined {
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const declarator = statement.declarationList.declarations.find(
      (d) => ts.isIdentifier(d.name) && d.name.text === name,
    );
    if (declarator) return declarator.initializer;
  }
  return undefined;
}
