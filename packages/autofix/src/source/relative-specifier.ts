import { posix } from 'node:path';
import type ts from 'typescript';
import { moduleSpecifiers, type ModuleStyle } from './module-style.ts';

/** How a file writes relative imports: with the file's extension, with `.js` for TS sources, or without. */
export type ExtensionConvention = 'keep' | 'js' | 'none';

/** The convention the file's own relative imports follow; Node's ESM needs an extension, so that is the default. */
export function extensionConvention(source: ts.SourceFile, style: ModuleStyle): ExtensionConvention {
  const relative = moduleSpecifiers(source)
    .map((literal) => literal.text)
    .filter((text) => text.startsWith('.'));
  if (relative.some((text) => /\.(ts|tsx|mts|cts)$/.test(text))) return 'keep';
  const isTs = /\.(ts|tsx|mts|cts)$/.test(source.fileName);
  if (relative.some((text) => /\.(js|mjs|cjs|jsx)$/.test(text))) return isTs ? 'js' : 'keep';
  if (relative.length > 0) return 'none';
  if (style === 'cjs') return 'none';
  return isTs ? 'js' : 'keep';
}

/** The specifier that imports repository file `target` from repository file `from`. */
export function relativeSpecifier(from: string, target: string, convention: ExtensionConvention): string {
  let path = posix.relative(posix.dirname(from), target);
  if (!path.startsWith('.')) path = `./${path}`;
  if (convention === 'none') return path.replace(/\.(js|mjs|cjs|jsx|ts|tsx|mts|cts)$/, '');
  if (convention === 'js')
    return path
      .replace(/\.tsx?$/, '.js')
      .replace(/\.mts$/, '.mjs')
      .replace(/\.cts$/, '.cjs');
  return path;
}
