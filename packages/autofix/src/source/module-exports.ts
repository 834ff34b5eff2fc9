import ts from 'typescript';
import { bindingFunction, functionOf, topLevelBindings, type FunctionNode } from './top-level-bindings.ts';

export interface ModuleExport {
  /** The exported name; `default` for a default export and for `module.exports = fn`. */
  name: string;
  style: 'esm' | 'cjs';
  /** The function exported under this name, when it is one. */
  fn: FunctionNode | null;
  /** True for `export { x } from './y'`: the name is declared elsewhere. */
  reexport: boolean;
}

/** The names a module exports, ESM and CommonJS, found in its syntax tree (no evaluation). */
export function moduleExports(source: ts.SourceFile): ModuleExport[] {
  const bindings = topLevelBindings(source);
  const local = (name: string): FunctionNode | null => bindingFunction(bindings.get(name));
  const found: ModuleExport[] = [];
  const add = (
    name: string,
    style: ModuleExport['style'],
    fn: FunctionNode | null,
    reexport = false,
  ): void => {
    found.push({ name, style, fn, reexport });
  };
  for (const statement of source.statements) {
    esmExports(statement, local, add);
    if (ts.isExpressionStatement(statement)) cjsExports(statement.expression, local, add);
  }
  return found;
}

type Add = (name: string, style: ModuleExport['style'], fn: FunctionNode | null, reexport?: boolean) => void;

function esmExports(statement: ts.Statement, local: (name: string) => FunctionNode | null, add: Add): void {
  const modifiers = ts.canHaveModifiers(statement) ? (ts.getModifiers(statement) ?? []) : [];
  const exported = modifiers.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const isDefault = modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
  if (exported && (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement))) {
    const fn = ts.isFunctionDeclaration(statement) ? statement : null;
    add(isDefault ? 'default' : (statement.name?.text ?? 'default'), 'esm', fn);
  } else if (exported && ts.isVariableStatement(statement)) {
    for (const declarator of statement.declarationList.declarations) {
      if (ts.isIdentifier(declarator.name))
        add(declarator.name.text, 'esm', functionOf(declarator.initializer));
    }
  } else if (
    ts.isExportDeclaration(statement) &&
    statement.exportClause &&
    ts.isNamedExports(statement.exportClause)
  ) {
    const reexport = statement.moduleSpecifier !== undefined;
    for (const element of statement.exportClause.elements) {
      const localName = (element.propertyName ?? element.name).getText();
      add(element.name.getText(), 'esm', reexport ? null : local(localName), reexport);
    }
  } else if (ts.isExportAssignment(statement) && !statement.isExportEquals) {
    const target = statement.expression;
    add('default', 'esm', ts.isIdentifier(target) ? local(target.text) : functionOf(target));
  }
}

function cjsExports(expression: ts.Expression, local: (name: string) => FunctionNode | null, add: Add): void {
  if (!ts.isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken)
    return;
  const target = expression.left.getText().replace(/\s+/g, '');
  const value = expression.right;
  const valueFn = ts.isIdentifier(value) ? local(value.text) : functionOf(value);
  if (target === 'module.exports' && ts.isObjectLiteralExpression(value)) {
    for (const property of value.properties) {
      const name =
        property.name && !ts.isComputedPropertyName(property.name) ? property.name.getText() : null;
      if (name !== null) add(name.replace(/^['"]|['"]$/g, ''), 'cjs', propertyFunction(property, local));
    }
  } else if (target === 'module.exports') {
    add('default', 'cjs', valueFn);
  } else {
    const member = /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(target);
    if (member?.[1]) add(member[1], 'cjs', valueFn);
  }
}

function propertyFunction(
  property: ts.ObjectLiteralElementLike,
  local: (name: string) => FunctionNode | null,
): FunctionNode | null {
  if (ts.isShorthandPropertyAssignment(property)) return local(property.name.text);
  if (ts.isMethodDeclaration(property)) return property;
  if (ts.isPropertyAssignment(property)) {
    const value = property.initializer;
    return ts.isIdentifier(value) ? local(value.text) : functionOf(value);
  }
  return null;
}
