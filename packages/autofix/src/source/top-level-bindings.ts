import ts from 'typescript';

export type FunctionNode =
  ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

export function isFunctionNode(node: ts.Node): node is FunctionNode {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node)
  );
}

/** The function a binding's value is, looking through `as`, `satisfies` and parentheses. */
export function functionOf(expression: ts.Expression | undefined): FunctionNode | null {
  let node = expression;
  while (
    node &&
    (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node))
  ) {
    node = node.expression;
  }
  return node && isFunctionNode(node) ? node : null;
}

/**
 * The module-level names a file declares (functions, classes, variables, imports), each with the node
 * that declares it: the function node for functions, the declarator for variables.
 */
export function topLevelBindings(source: ts.SourceFile): Map<string, ts.Node> {
  const bindings = new Map<string, ts.Node>();
  for (const statement of source.statements) {
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
      bindings.set(statement.name.text, statement);
    } else if (ts.isVariableStatement(statement)) {
      for (const declarator of statement.declarationList.declarations) {
        for (const name of boundNames(declarator.name)) bindings.set(name, declarator);
      }
    } else if (ts.isImportDeclaration(statement) && statement.importClause) {
      for (const name of importedNames(statement.importClause)) bindings.set(name, statement);
    }
  }
  return bindings;
}

/** The identifiers a binding pattern (`a`, `{ a, b: c }`, `[a, ...b]`) introduces. */
export function boundNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) =>
    ts.isOmittedExpression(element) ? [] : boundNames(element.name),
  );
}

function importedNames(clause: ts.ImportClause): string[] {
  const names = clause.name ? [clause.name.text] : [];
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) names.push(bindings.name.text);
  if (bindings && ts.isNamedImports(bindings)) names.push(...bindings.elements.map((e) => e.name.text));
  return names;
}

/** The function a top-level binding holds, if it holds one. */
export function bindingFunction(binding: ts.Node | undefined): FunctionNode | null {
  if (!binding) return null;
  if (ts.isFunctionDeclaration(binding)) return binding;
  if (ts.isVariableDeclaration(binding)) return functionOf(binding.initializer);
  return null;
}
