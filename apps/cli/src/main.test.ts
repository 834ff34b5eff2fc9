import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const BIN = resolve(fileURLToPath(new URL('.', import.meta.url)), '../bin/fixloop.js');
const run = promisify(execFile);

async function fixloop(args: string[], env: Record<string, string> = {}, cwd = tmpdir()) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { PATH: process.env['PATH'], ...env },
      cwd,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('fixloop CLI', () => {
  it('prints help', async () => {
    const result = await fixloop(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: fixloop <command>');
    expect(result.stdout).toContain('migrate');
  });

  it('rejects unknown commands with exit code 2', async () => {
    const result = await fixloop(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
  });

  it('reports configuration errors with the key, exit 1 and no stack trace', async () => {
    const result = await fixloop(['start'], { PORT: 'eighty' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('fixloop: invalid configuration: PORT: must be an integer');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('migrate creates the database and exits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fixloop-cli-'));
    const result = await fixloop(['migrate'], { FIXLOOP_DATA_DIR: dir }, dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('migrations applied');
    expect(existsSync(join(dir, 'fixloop.db'))).toBe(true);
  });
});
