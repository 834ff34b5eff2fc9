import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * apps/web/dist of this checkout. Found by walking up from this module, because the module runs from
 * apps/server/src (tsx, tests) and from apps/cli/dist (the esbuild bundle `npm start` runs).
 */
export function defaultWebDistDir(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    if (existsSync(join(dir, 'apps', 'web', 'package.json'))) return join(dir, 'apps', 'web', 'dist');
    const parent = dirname(dir);
    if (parent === dir) return join(process.cwd(), 'apps', 'web', 'dist');
    dir = parent;
  }
}
