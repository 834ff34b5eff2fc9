import { execFile } from 'node:child_process';
import type { CodeSearch } from '@fixloop/core';
import { BuiltinCodeSearch } from './builtin-code-search.ts';
import { RipgrepCodeSearch } from './ripgrep-code-search.ts';

export interface CodeSearchFactoryOptions {
  /** The ripgrep binary to try; `false` forces the built-in search. */
  ripgrep?: string | false;
  timeoutMs?: number;
}

/** Ripgrep when it runs on this machine, the built-in search otherwise. */
export async function createCodeSearch(options: CodeSearchFactoryOptions = {}): Promise<CodeSearch> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (options.ripgrep !== false) {
    const binary = options.ripgrep ?? 'rg';
    if (await runs(binary)) return new RipgrepCodeSearch({ binary, timeoutMs });
  }
  return new BuiltinCodeSearch({ timeoutMs });
}

function runs(binary: string): Promise<boolean> {
  return new Promise((resolvePromise) => {
    execFile(binary, ['--version'], { timeout: 5_000 }, (error, stdout) => {
      resolvePromise(error === null && /ripgrep/i.test(String(stdout)));
    });
  });
}
