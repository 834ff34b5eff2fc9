import type { Fixer } from '../fixers/fixer.ts';
import { MisspelledNameFixer } from '../fixers/misspelled-name-fixer.ts';
import { MissingImportFixer } from '../fixers/missing-import-fixer.ts';
import { ModulePathFixer } from '../fixers/module-path-fixer.ts';
import { OptionalGuardFixer } from '../fixers/optional-guard-fixer.ts';

/**
 * The built-in fixers, most certain first: an import path or a missing import is unambiguous once found;
 * a misspelling is a judgement of distance; a guard changes behaviour.
 */
export const DETERMINISTIC_FIXERS: readonly Fixer[] = [
  new ModulePathFixer(),
  new MissingImportFixer(),
  new MisspelledNameFixer(),
  new OptionalGuardFixer(),
];
