import { posix } from 'node:path';
import type ts from 'typescript';
import { moduleExports } from '../source/module-exports.ts';
import { moduleStyle } from '../source/module-style.ts';
import { isJsSourcePath, parseSource } from '../source/parse-source.ts';
import { extensionConvention, relativeSpecifier } from '../source/relative-specifier.ts';
import { applyTextEdits } from '../source/text-edits.ts';
import { topLevelBindings } from '../source/top-level-bindings.ts';
import type { RepoSnapshot } from '../source/repo-snapshot.ts';
import { proposal } from './fix-candidate.ts';
import { cannotFix, crashSite, type FixContext, type Fixer, type ProposeResult } from './fixer.ts';
import { importEdit } from './import-insertion.ts';

const NOT_DEFINED = /^([A-Za-z_$][\w$]*) is not defined$/;
const MAX_SCANNED_FILES = 5000;

/** `X is not defined` where exactly one module of the repository exports X: import it. */
export class MissingImportFixer implements Fixer {
  readonly name = 'missing-import';
  readonly category = 'A' as const;

  canFix(context: FixContext): boolean {
    return context.error.type === 'ReferenceError' && NOT_DEFINED.test(context.error.value);
  }

  async propose(context: FixContext): Promise<ProposeResult> {
    const name = NOT_DEFINED.exec(context.error.value)?.[1] ?? '';
    const site = crashSite(context);
    if (!site) return cannotFix('the crashing frame is not in the repository');
    if (topLevelBindings(site.source).has(name)) return cannotFix(`${name} is declared in ${site.path}`);
    const exporters = await modulesExporting(context.repo, context.root, name, site.path);
    if (exporters.length !== 1) {
      return cannotFix(
        exporters.length === 0
          ? `no module exports ${name}`
          : `${exporters.length} modules export ${name}: ${exporters.join(', ')}`,
      );
    }
    const target = exporters[0] as string;
    const style = moduleStyle(site.source, context.packageType);
    const specifier = relativeSpecifier(site.path, target, extensionConvention(site.source, style));
    const after = applyTextEdits(site.source.text, [importEdit(site.source, style, name, specifier)]);
    return proposal({
      fixer: this.name,
      category: this.category,
      categoryReason: 'adds a missing import',
      summary: `Import ${name} from ${specifier} in ${site.path}`,
      rootCause: `${site.path} uses ${name} without importing it; ${target} is the only module that exports ${name}.`,
      confidence: 0.9,
      changes: [{ path: site.path, before: site.source.text, after }],
    });
  }
}

/** Repository modules (not tests, not dependencies) that declare and export `name` themselves. */
async function modulesExporting(
  repo: RepoSnapshot,
  root: string,
  name: string,
  except: string,
): Promise<string[]> {
  const prefix = root ? `${root}/` : '';
  const files = (await repo.listFiles())
    .filter((file) => file.startsWith(prefix) && isJsSourcePath(file) && file !== except)
    .filter(
      (file) =>
        !/(^|\/)(node_modules|dist|build|coverage)\//.test(file) &&
        !/\.(test|spec)\.[cm]?[jt]sx?$/.test(file),
    )
    .slice(0, MAX_SCANNED_FILES);
  const found: string[] = [];
  for (const file of files) {
    const text = await repo.readText(file);
    if (text === null || !text.includes(name)) continue;
    const source: ts.SourceFile = parseSource(file, text);
    if (moduleExports(source).some((e) => e.name === name && !e.reexport)) found.push(file);
  }
  return found.sort((a, b) => posix.dirname(a).length - posix.dirname(b).length || a.localeCompare(b));
}
