import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildFixPatch, mergeFixPatches } from './build-fix-patch.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function repoWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'autofix-patch-'));
  dirs.push(dir);
  execFileSync('git', ['init', '-q', dir]);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function gitApply(dir: string, diff: string): void {
  execFileSync('git', ['-C', dir, 'apply', '--whitespace=nowarn', '-'], { input: diff });
}

describe('buildFixPatch', () => {
  it('writes diffs git applies: a modification, a new file, a deletion, a missing final newline', () => {
    const before = { 'src/a.js': 'one\ntwo\nthree\n', 'src/gone.js': 'x\n', 'b.txt': 'no newline' };
    const dir = repoWith(before);
    const patch = buildFixPatch([
      { path: 'src/a.js', before: before['src/a.js'], after: 'one\n2\nthree\n' },
      { path: 'test/new.test.js', before: null, after: 'test()\n' },
      { path: 'src/gone.js', before: 'x\n', after: null },
      { path: 'b.txt', before: 'no newline', after: 'still none' },
    ]);
    gitApply(dir, patch.diff);
    expect(readFileSync(join(dir, 'src/a.js'), 'utf8')).toBe('one\n2\nthree\n');
    expect(readFileSync(join(dir, 'test/new.test.js'), 'utf8')).toBe('test()\n');
    expect(existsSync(join(dir, 'src/gone.js'))).toBe(false);
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe('still none');
    expect(patch.diff).toContain('@@ -0,0 +1,1 @@');
  });

  it('leaves out files that did not change', () => {
    expect(buildFixPatch([{ path: 'a', before: 'x', after: 'x' }])).toEqual({ diff: '', files: [] });
  });

  it('merges a fix and a test into one patch', () => {
    const fix = buildFixPatch([{ path: 'a.js', before: 'a\n', after: 'b\n' }]);
    const test = buildFixPatch([{ path: 't.test.js', before: null, after: 't\n' }]);
    const merged = mergeFixPatches(fix, test);
    expect(merged.files.map((file) => file.path)).toEqual(['a.js', 't.test.js']);
    expect(merged.diff).toBe(fix.diff + test.diff);
  });
});
