// Bundles the CLI and everything it imports into dist/ with esbuild (about 0.3 s), so `npm start` runs
// plain JavaScript: no TypeScript compiler in the running process (tsx at run time cost ~75 MB of RSS).
// Adapters are loaded with dynamic import(), so they become separate chunks loaded only when chosen.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
// Chunk names are content hashes: start clean so stale chunks never pile up.
rmSync(`${here}dist`, { recursive: true, force: true });

await build({
  entryPoints: {
    fixloop: `${here}src/main.ts`,
    // Loaded by ThreadedEventProcessor as ./event-processor-worker.js beside the chunk that holds it.
    'event-processor-worker': `${here}../server/src/ingest/event-processor-worker.ts`,
  },
  outdir: `${here}dist`,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  // Native or optional modules stay in node_modules; source-map reads its mappings.wasm beside itself;
  // the TypeScript compiler (used by autofix, loaded on first use) expects to run as CommonJS.
  external: ['better-sqlite3', 'pg-native', 'source-map', 'typescript'],
  // Bundled CommonJS dependencies still call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __fixloopRequire } from 'node:module'; const require = __fixloopRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
