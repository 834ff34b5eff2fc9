import { describe, expect, it } from 'vitest';
import { parseLogPatch } from './parse-log-patch.ts';

const header = (sha: string, subject: string) =>
  `\x1e${sha}\x1f${'p'.repeat(40)}\x1fAnn\x1fann@example.com\x1f1767268800\x1fBob\x1fbob@example.com\x1f1767272400\x1f${subject}`;

describe('parseLogPatch', () => {
  it('reads renames, deletions, quoted names and multi-line hunks', () => {
    const output = [
      header('a'.repeat(40), 'move things'),
      '',
      'diff --git a/old/name.js b/new/name.js',
      'similarity index 90%',
      'rename from old/name.js',
      'rename to new/name.js',
      'index 1..2 100644',
      '--- a/old/name.js',
      '+++ b/new/name.js',
      '@@ -10,0 +11,3 @@ function x() {',
      '+a',
      '+\x1e not a commit marker',
      '+c',
      'diff --git a/gone.js b/gone.js',
      'deleted file mode 100644',
      '--- a/gone.js',
      '+++ /dev/null',
      '@@ -1,2 +0,0 @@',
      '-x',
      '-y',
      'diff --git "a/caf\\303\\251 \\"x\\".js" "b/caf\\303\\251 \\"x\\".js"',
      '--- "a/caf\\303\\251 \\"x\\".js"',
      '+++ "b/caf\\303\\251 \\"x\\".js"',
      '@@ -4 +4 @@',
      '-1',
      '+2',
      header('b'.repeat(40), 'subject with | pipes'),
    ].join('\n');
    const [first, second] = parseLogPatch(output);
    expect(first?.files).toEqual([
      {
        path: 'new/name.js',
        previousPath: 'old/name.js',
        status: 'renamed',
        hunks: [{ oldStart: 10, oldLines: 0, newStart: 11, newLines: 3 }],
      },
      { path: 'gone.js', status: 'deleted', hunks: [{ oldStart: 1, oldLines: 2, newStart: 0, newLines: 0 }] },
      {
        path: 'café "x".js',
        status: 'modified',
        hunks: [{ oldStart: 4, oldLines: 1, newStart: 4, newLines: 1 }],
      },
    ]);
    expect(first).toMatchObject({
      author: { name: 'Ann', email: 'ann@example.com' },
      committer: { name: 'Bob' },
      parents: ['p'.repeat(40)],
    });
    expect(first?.committerTime.toISOString()).toBe('2026-01-01T13:00:00.000Z');
    expect(second).toMatchObject({ sha: 'b'.repeat(40), summary: 'subject with | pipes', files: [] });
  });
});
