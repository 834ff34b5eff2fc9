import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_APP_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Runs the production build (vite build) of the dashboard into `outDir`; throws with vite's output on failure. */
export function buildWebApp(outDir: string): void {
  // vite's package exports hide bin/; resolve the package root and go from there.
  const viteBin = join(
    dirname(createRequire(import.meta.url).resolve('vite/package.json')),
    'bin',
    'vite.js',
  );
  const result = spawnSync(
    process.execPath,
    [viteBin, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: WEB_APP_DIR,
      encoding: 'utf8',
    },
  );
  if (result.status !== 0)
    throw new Error(`vite build failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
}
