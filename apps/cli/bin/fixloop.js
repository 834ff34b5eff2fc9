#!/usr/bin/env node
// Runs the bundled CLI (`npm run build` makes it; `npm start` builds first). Without a bundle, e.g. in a
// fresh checkout, it falls back to running the TypeScript sources through tsx.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/fixloop.js', import.meta.url);
if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main.ts');
}
