import { posix } from 'node:path';

const EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts', '.jsx'];

export interface CorrectedSpecifier {
  specifier: string;
  file: string;
  difference: 'letter case' | 'extension' | 'letter case and extension';
}

/**
 * The one repository file a broken relative specifier was meant to name, when it differs only in letter
 * case and/or extension (`./Util.js` → `./util.js`, `./util` → `./util.js` in ESM, `./util.mjs` →
 * `./util.js`), and the specifier rewritten to name it, keeping how the rest of it was written.
 */
export function correctedSpecifier(
  importer: string,
  specifier: string,
  files: readonly string[],
  /** CommonJS and TypeScript resolve paths without an extension; Node's ESM does not. */
  extensionless: boolean,
): CorrectedSpecifier | null {
  const target = posix.normalize(posix.join(posix.dirname(importer), specifier));
  const stem = (path: string): string => path.replace(/\.[cm]?[jt]sx?$/, '');
  const matches = files
    .filter((file) => EXTENSIONS.some((ext) => file.endsWith(ext)) && file !== importer)
    .filter((file) => {
      const sameCase = stem(file) === stem(target);
      return sameCase ? file !== target : stem(file).toLowerCase() === stem(target).toLowerCase();
    });
  if (matches.length !== 1) return null;
  const file = matches[0] as string;
  const caseDiffers = stem(file) !== stem(target);
  const extDiffers = posix.extname(file) !== posix.extname(target);
  let relative = posix.relative(posix.dirname(importer), file);
  if (!relative.startsWith('.')) relative = `./${relative}`;
  // A TypeScript source is imported by its emitted `.js` name when the specifier already said `.js`.
  if (/\.tsx?$/.test(file) && /\.js$/.test(specifier) && !caseDiffers) return null;
  if (/\.tsx?$/.test(file) && /\.js$/.test(specifier)) relative = relative.replace(/\.tsx?$/, '.js');
  if (extensionless && posix.extname(specifier) === '' && caseDiffers) relative = stem(relative);
  const difference =
    caseDiffers && extDiffers ? 'letter case and extension' : caseDiffers ? 'letter case' : 'extension';
  return { specifier: relative, file, difference };
}
