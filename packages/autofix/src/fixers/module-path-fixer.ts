import { posix } from 'node:path';
import { importingFileOf } from '../reproduce/import-target.ts';
import { moduleSpecifiers, moduleStyle } from '../source/module-style.ts';
import { parseSource } from '../source/parse-source.ts';
import { applyTextEdits } from '../source/text-edits.ts';
import { proposal } from './fix-candidate.ts';
import { cannotFix, crashSite, type FixContext, type Fixer, type ProposeResult } from './fixer.ts';
import { correctedSpecifier } from './corrected-specifier.ts';

const NOT_FOUND = /^Cannot find module ['"]([^'"]+)['"]/;

/** `Cannot find module` (ESM or CommonJS) when the path is off only by letter case or extension. */
export class ModulePathFixer implements Fixer {
  readonly name = 'module-path';
  readonly category = 'A' as const;

  canFix(context: FixContext): boolean {
    return NOT_FOUND.test(context.error.value);
  }

  async propose(context: FixContext): Promise<ProposeResult> {
    const missing = NOT_FOUND.exec(context.error.value)?.[1] ?? '';
    const importer = await this.importingFile(context);
    if (!importer) return cannotFix('the importing file is not in the repository');
    const text = await context.repo.readText(importer);
    if (text === null) return cannotFix(`cannot read ${importer}`);
    const source = parseSource(importer, text);
    const files = await context.repo.listFiles();
    const literal = moduleSpecifiers(source).find((l) => matchesMissing(l.text, missing));
    if (!literal) return cannotFix(`${importer} has no import matching ${missing}`);
    const extensionless = moduleStyle(source, context.packageType) === 'cjs' || /\.[cm]?tsx?$/.test(importer);
    const fixed = correctedSpecifier(importer, literal.text, files, extensionless);
    if (!fixed) return cannotFix(`no file matches ${literal.text} up to letter case or extension`);
    const edit = {
      start: literal.getStart(source) + 1,
      end: literal.getEnd() - 1,
      replacement: fixed.specifier,
    };
    return proposal({
      fixer: this.name,
      category: this.category,
      categoryReason: 'corrects an import path',
      summary: `Import ${fixed.specifier} instead of ${literal.text} in ${importer}`,
      rootCause: `${importer} imports ${literal.text}, which does not exist; the file is ${fixed.file} (${fixed.difference}).`,
      confidence: 0.9,
      changes: [{ path: importer, before: text, after: applyTextEdits(text, [edit]) }],
    });
  }

  private async importingFile(context: FixContext): Promise<string | null> {
    const named = importingFileOf(context.error.value);
    if (named) {
      const frame = {
        function: null,
        module: null,
        paths: [named.replace(/^file:\/\//, '')],
        lineno: null,
        colno: null,
        inApp: true,
        vars: null,
      };
      return context.mapPath(frame);
    }
    return crashSite(context)?.path ?? null;
  }
}

/** ESM names the resolved absolute path, CommonJS the specifier as written. */
function matchesMissing(specifier: string, missing: string): boolean {
  if (!specifier.startsWith('.')) return false;
  if (specifier === missing) return true;
  return (
    posix.isAbsolute(missing) && missing.endsWith(`/${posix.normalize(specifier).replace(/^(\.\.\/)+/, '')}`)
  );
}
