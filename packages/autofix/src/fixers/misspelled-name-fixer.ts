import ts from 'typescript';
import { uniqueNearestName } from '../source/edit-distance.ts';
import { collectNodes, nodeAtCrash } from '../source/parse-source.ts';
import { applyTextEdits, type TextEdit } from '../source/text-edits.ts';
import { proposal } from './fix-candidate.ts';
import {
  cannotFix,
  crashSite,
  type CrashSite,
  type FixContext,
  type Fixer,
  type ProposeResult,
} from './fixer.ts';
import { knownShape } from './object-shape.ts';
import { COMMON_GLOBALS, namesInScope } from './scope-names.ts';

const NOT_DEFINED = /^([A-Za-z_$][\w$]*) is not defined$/;
const NOT_A_FUNCTION = /^(?:[\w$]+\.)*[\w$]+\.([A-Za-z_$][\w$]*) is not a function$/;

/**
 * A misspelled name: `X is not defined` when one name in scope is within two edits of X, or
 * `x.foo is not a function` when one member of x's known shape is. Uses that name.
 */
export class MisspelledNameFixer implements Fixer {
  readonly name = 'misspelled-name';
  readonly category = 'A' as const;

  canFix(context: FixContext): boolean {
    const { type, value } = context.error;
    return (
      (type === 'ReferenceError' && NOT_DEFINED.test(value)) ||
      (type === 'TypeError' && NOT_A_FUNCTION.test(value))
    );
  }

  async propose(context: FixContext): Promise<ProposeResult> {
    const site = crashSite(context);
    if (!site) return cannotFix('the crashing frame is not in the repository');
    const identifier = NOT_DEFINED.exec(context.error.value)?.[1];
    return identifier ? this.renameIdentifier(site, identifier) : this.renameMember(context, site);
  }

  private renameIdentifier(site: CrashSite, wrong: string): ProposeResult {
    const node = nodeAtCrash(
      site.source,
      site.offset,
      (n): n is ts.Identifier => ts.isIdentifier(n) && n.text === wrong,
    );
    if (!node) return cannotFix(`no reference to ${wrong} at the crash position`);
    const right = uniqueNearestName(wrong, [...namesInScope(node), ...COMMON_GLOBALS]);
    if (!right) return cannotFix(`no unique name within two edits of ${wrong} is in scope`);
    // Every free reference to the wrong name in the file is the same typo.
    const references = collectNodes(
      site.source,
      (n): n is ts.Identifier => ts.isIdentifier(n) && n.text === wrong && isReference(n),
    );
    return this.rename(
      site,
      references,
      wrong,
      right,
      `${wrong} is not declared anywhere in scope; ${right} is.`,
    );
  }

  private async renameMember(context: FixContext, site: CrashSite): Promise<ProposeResult> {
    const wrong = NOT_A_FUNCTION.exec(context.error.value)?.[1] ?? '';
    const isCall = (n: ts.Node): n is ts.CallExpression =>
      ts.isCallExpression(n) &&
      ts.isPropertyAccessExpression(n.expression) &&
      n.expression.name.text === wrong;
    const call = nodeAtCrash(site.source, site.offset, isCall);
    if (!call || !ts.isPropertyAccessExpression(call.expression))
      return cannotFix(`no call of .${wrong}() at the crash position`);
    const shape = await knownShape(context, site, call.expression.expression);
    if (!shape) return cannotFix(`the shape of ${call.expression.expression.getText()} is not known`);
    const right = uniqueNearestName(wrong, shape);
    if (!right)
      return cannotFix(
        `no unique member within two edits of ${wrong} on ${call.expression.expression.getText()}`,
      );
    const owner = call.expression.expression.getText();
    return this.rename(
      site,
      [call.expression.name],
      wrong,
      right,
      `${owner} has no member ${wrong}; it has ${right}.`,
    );
  }

  private rename(
    site: CrashSite,
    nodes: ts.Node[],
    wrong: string,
    right: string,
    rootCause: string,
  ): ProposeResult {
    const edits: TextEdit[] = nodes.map((n) => ({
      start: n.getStart(site.source),
      end: n.getEnd(),
      replacement: right,
    }));
    return proposal({
      fixer: this.name,
      category: this.category,
      categoryReason: 'corrects a misspelled name',
      summary: `Use ${right} instead of the misspelled ${wrong} in ${site.path}`,
      rootCause,
      confidence: 0.85,
      changes: [
        { path: site.path, before: site.source.text, after: applyTextEdits(site.source.text, edits) },
      ],
    });
  }
}

/** An identifier that reads a variable (not a property name, a declaration or an object key). */
function isReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent)) && parent.name === node)
    return false;
  if (ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent))
    return parent.name !== node;
  return !ts.isImportSpecifier(parent) && !ts.isExportSpecifier(parent) && !ts.isBindingElement(parent);
}
