import ts from 'typescript';
import { nodeAtCrash } from '../source/parse-source.ts';
import { applyTextEdits } from '../source/text-edits.ts';
import { proposal } from './fix-candidate.ts';
import { cannotFix, crashSite, type FixContext, type Fixer, type ProposeResult } from './fixer.ts';
import { defaultUsedFor, normalizedText, optionalEvidence } from './optional-evidence.ts';

const READING =
  /^Cannot read propert(?:y|ies) of (undefined|null) \(reading '([^']*)'\)$|^Cannot read property '([^']*)' of (undefined|null)$/;

type Access = ts.PropertyAccessExpression | ts.ElementAccessExpression;

/**
 * Reading a property of undefined or null, where the code itself shows the value is optional: guard
 * the read with optional chaining and the default the code uses elsewhere for it. Never category A:
 * a guard changes behaviour, so a person approves it.
 */
export class OptionalGuardFixer implements Fixer {
  readonly name = 'optional-guard';
  readonly category = 'B' as const;

  canFix(context: FixContext): boolean {
    return context.error.type === 'TypeError' && READING.test(context.error.value);
  }

  async propose(context: FixContext): Promise<ProposeResult> {
    const match = READING.exec(context.error.value);
    const property = match?.[2] ?? match?.[3] ?? '';
    const site = crashSite(context);
    if (!site) return cannotFix('the crashing frame is not in the repository');
    const access = nodeAtCrash(site.source, site.offset, (n): n is Access => isAccessOf(n, property));
    if (!access) return cannotFix(`no read of .${property} at the crash position`);
    if (isAssignmentTarget(access)) return cannotFix('the property is written, not read');
    const evidence = optionalEvidence(site.source, access.expression);
    if (evidence.length === 0)
      return cannotFix(`nothing in ${site.path} shows ${access.expression.getText()} may be missing`);
    const fallback = defaultUsedFor(site.source, normalizedText(access));
    const guarded = guardedText(access, fallback);
    const edit = { start: access.getStart(site.source), end: access.getEnd(), replacement: guarded };
    const subject = access.expression.getText();
    return proposal({
      fixer: this.name,
      category: this.category,
      categoryReason: 'adds a guard (changes behaviour)',
      summary: `Guard ${subject} in ${site.path}${fallback ? ` (default ${fallback})` : ''}`,
      rootCause: `${subject} is ${match?.[1] ?? match?.[4]} here, and the code treats it as optional elsewhere: ${evidence.join('; ')}.`,
      confidence: Math.min(0.8, 0.55 + 0.1 * evidence.length + (fallback ? 0.05 : 0)),
      changes: [
        { path: site.path, before: site.source.text, after: applyTextEdits(site.source.text, [edit]) },
      ],
    });
  }
}

function isAccessOf(node: ts.Node, property: string): node is Access {
  if (ts.isPropertyAccessExpression(node)) return node.name.text === property;
  return (
    ts.isElementAccessExpression(node) && node.argumentExpression.getText().replace(/['"`]/g, '') === property
  );
}

/** `E?.p`, with the code's default when it has one, parenthesized where the context needs it. */
function guardedText(access: Access, fallback: string | null): string {
  const object = access.expression.getText();
  const read = ts.isPropertyAccessExpression(access)
    ? `${object}?.${access.name.text}`
    : `${object}?.[${access.argumentExpression.getText()}]`;
  if (!fallback) return read;
  const parent = access.parent;
  const continued =
    (ts.isPropertyAccessExpression(parent) ||
      ts.isElementAccessExpression(parent) ||
      ts.isCallExpression(parent)) &&
    parent.expression === access;
  const standalone =
    ts.isReturnStatement(parent) || ts.isVariableDeclaration(parent) || ts.isParenthesizedExpression(parent) ||
    ts.isPropertyAssignment(parent) || ts.isArrayLiteralExpression(parent) || ts.isTemplateSpan(parent) ||
    ts.isArrowFunction(parent) || (ts.isCallExpression(parent) && parent.expression !== access); // prettier-ignore
  return continued || !standalone ? `(${read} ?? ${fallback})` : `${read} ?? ${fallback}`;
}

function isAssignmentTarget(access: Access): boolean {
  const parent = access.parent;
  return (
    ts.isBinaryExpression(parent) &&
    parent.left === access &&
    parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
    parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment
  );
}
