import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Runs one test file with `node --test` in a fresh clone of `remote` at `ref`, independently of Fixloop's
 * verifier. `test` is written first when given (to run the fix's test against the base).
 */
export function runTestAt(
  remote: string,
  ref: string,
  testPath: string,
  test?: string,
): { exitCode: number; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fixloop-check-'));
  try {
    execFileSync('git', ['clone', '--quiet', remote, dir]);
    execFileSync('git', ['-C', dir, 'checkout', '--quiet', '--detach', ref]);
    if (test !== undefined) {
      mkdirSync(dirname(join(dir, testPath)), { recursive: true });
      writeFileSync(join(dir, testPath), test);
    }
    const run = spawnSync(process.execPath, ['--test', testPath], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { exitCode: run.status ?? -1, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The files a commit of the remote changed. */
export function changedFiles(remote: string, commit: string): string[] {
  const out = execFileSync('git', ['-C', remote, 'show', '--name-only', '--format=', commit], {
    encoding: 'utf8',
  });
  return out.split('\n').filter(Boolean).sort();
}
