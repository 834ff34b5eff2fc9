import { posix } from 'node:path';

const EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts', '.jsx', '.json'];

/**
 * The repository file a relative specifier names from `from`, the way Node and TypeScript's bundler
 * resolution find it: exact path, added extension, `.js` written for a `.ts` source, or a folder index.
 * Null for bare specifiers (packages) and for paths that name no file.
 */
export function resolveModuleFile(
  from: string,
  specifier: string,
  files: ReadonlySet<string>,
): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = posix.normalize(posix.join(posix.dirname(from), specifier));
  const candidates = [
    base,
    ...EXTENSIONS.map((ext) => base + ext),
    ...(/\.[cm]?js$/.test(base) ? [base.replace(/js$/, 'ts'), base.replace(/\.js$/, '.tsx')] : []),
    ...EXTENSIONS.map((ext) => `${base}/index${ext}`),
  ];
  return candidates.find((candidate) => files.has(candidate)) ?? null;
}
