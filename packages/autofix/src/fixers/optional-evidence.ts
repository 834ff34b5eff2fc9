import ts from 'typescript';
import { collectNodes } from '../source/parse-source.ts';

/** An expression's text with whitespace, `?.` and TypeScript's `!` normalized away, for comparing. */
export function normalizedText(node: ts.Node): string {
  return node
    .getText()
    .replace(/\s+/g, '')
    .replace(/\?\.(?=[[(])/g, '')
    .replace(/\?\./g, '.')
    .replace(/!(?=[.[])/g, '');
}

const CHECK_OPERATORS = new Set([
  ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken,
  ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken,
]); // prettier-ignore

/**
 * Why the file's own code treats `expression` as possibly missing: optional chaining or a nullish or
 * truthiness check on the same expression elsewhere, a type that allows null or undefined, or a value
 * that comes from parsed JSON (a request body, `JSON.parse`, `response.json()`). Empty when none.
 */
export function optionalEvidence(source: ts.SourceFile, expression: ts.Expression): string[] {
  const text = normalizedText(expression);
  const evidence = new Set<string>();
  const line = (node: ts.Node): number =>
    source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  for (const node of collectNodes(source, (_n): _n is ts.Node => true)) {
    if (node.pos >= expression.pos && node.end <= expression.end) continue;
    const chained =
      (ts.isPropertyAccessExpression(node) ||
        ts.isElementAccessExpression(node) ||
        ts.isCallExpression(node)) &&
      node.questionDotToken;
    if (chained && normalizedText(node.expression) === text)
      evidence.add(`optional chaining on ${text} (line ${line(node)})`);
    if (
      ts.isBinaryExpression(node) &&
      CHECK_OPERATORS.has(node.operatorToken.kind) &&
      normalizedText(node.left) === text
    ) {
      evidence.add(`${text} is checked with ${node.operatorToken.getText()} (line ${line(node)})`);
    }
    if ((ts.isIfStatement(node) || ts.isConditionalExpression(node)) && conditionTests(node, text))
      evidence.add(`${text} is tested (line ${line(node)})`);
  }
  const nullable = nullableDeclaration(source, expression);
  if (nullable) evidence.add(nullable);
  const json = jsonOrigin(source, expression);
  if (json) evidence.add(json);
  return [...evidence];
}

function conditionTests(node: ts.IfStatement | ts.ConditionalExpression, text: string): boolean {
  const condition = ts.isIfStatement(node) ? node.expression : node.condition;
  const inner = ts.isPrefixUnaryExpression(condition) ? condition.operand : condition;
  return normalizedText(inner) === text;
}

/** A property, parameter or variable of the expression's last name declared optional or nullable. */
function nullableDeclaration(source: ts.SourceFile, expression: ts.Expression): string | null {
  const name = ts.isPropertyAccessExpression(expression)
    ? expression.name.text
    : ts.isIdentifier(expression)
      ? expression.text
      : null;
  if (!name) return null;
  const isDeclaration = (
    n: ts.Node,
  ): n is ts.PropertySignature | ts.PropertyDeclaration | ts.ParameterDeclaration =>
    (ts.isPropertySignature(n) || ts.isPropertyDeclaration(n) || ts.isParameter(n)) &&
    n.name.getText() === name;
  for (const declaration of collectNodes(source, isDeclaration)) {
    const type = declaration.type?.getText() ?? '';
    if (declaration.questionToken || /\b(null|undefined)\b/.test(type))
      return `${name} is declared ${declaration.getText().replace(/\s+/g, ' ')}`;
  }
  return null;
}

/** `req.body.x`, or a root variable initialised from `JSON.parse(…)` or `(await) x.json()`. */
function jsonOrigin(source: ts.SourceFile, expression: ts.Expression): string | null {
  const text = normalizedText(expression);
  if (/^(req|request|ctx\.request)\.body\./.test(`${text}.`))
    return `${text} is a field of a JSON request body`;
  const root = text.split(/[.[(]/)[0] ?? '';
  const declarator = collectNodes(
    source,
    (n): n is ts.VariableDeclaration =>
      ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === root,
  )[0];
  const init = declarator?.initializer?.getText() ?? '';
  return /\bJSON\.parse\(|\.json\(\)/.test(init) ? `${root} is parsed JSON (${init.slice(0, 60)})` : null;
}

/** The default the code already uses for `expression` (`expression ?? D` or `expression || D`), if any. */
export function defaultUsedFor(source: ts.SourceFile, expressionText: string): string | null {
  const counts = new Map<string, number>();
  const isFallback = (n: ts.Node): n is ts.BinaryExpression =>
    ts.isBinaryExpression(n) &&
    (n.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken ||
      n.operatorToken.kind === ts.SyntaxKind.BarBarToken) &&
    normalizedText(n.left) === expressionText;
  for (const node of collectNodes(source, isFallback)) {
    const value = node.right.getText();
    counts.set(
      value,
      (counts.get(value) ?? 0) + (node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken ? 2 : 1),
    );
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
