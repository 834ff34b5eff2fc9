import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FileChange, FixPatch } from '@fixloop/core';

/** A git-made diff of the changes (the verifier's tests do not depend on the autofix package). */
export function diffOf(files: FileChange[]): FixPatch {
  const dir = mkdtempSync(join(tmpdir(), 'fixloop-diff-'));
  try {
    const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
    git('init', '--quiet');
    for (const file of files) write(dir, file.path, file.before);
    git('add', '--all');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '--quiet', '--allow-empty', '-m', 'before');
    for (const file of files) write(dir, file.path, file.after);
    git('add', '--all');
    return { diff: git('diff', '--cached', '--no-color'), files };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function write(dir: string, path: string, content: string | null): void {
  const absolute = join(dir, path);
  if (content === null) return rmSync(absolute, { force: true });
  mkdirSync(dirname(absolute), { recursive: true });
  writeFileSync(absolute, content);
}
