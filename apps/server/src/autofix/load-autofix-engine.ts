import type * as AutofixEngine from '@fixloop/autofix';

/**
 * The autofix engine, loaded on first use. It pulls in the TypeScript compiler (about 10 MB of JavaScript
 * and ~100 MB of RSS once parsed), which a server that never runs a fix attempt should not pay for at boot.
 * Import values from `@fixloop/autofix` only through here; types are free.
 */
let engine: Promise<typeof AutofixEngine> | null = null;

export function loadAutofixEngine(): Promise<typeof AutofixEngine> {
  engine ??= import('@fixloop/autofix');
  return engine;
}
