import type { FileChange, FixPatch } from '@fixloop/core';
import { structuredPatch } from 'diff';

/** A git-style unified diff (3 lines of context) of the changes, applicable with `git apply`. */
export function buildFixPatch(changes: readonly FileChange[]): FixPatch {
  const files = changes.filter((change) => change.before !== change.after);
  return { diff: files.map(fileDiff).join(''), files: [...files] };
}

/** Merges patches (the fix and the reproduction test) into one; a later change of a path wins. */
export function mergeFixPatches(...patches: FixPatch[]): FixPatch {
  const byPath = new Map<string, FileChange>();
  for (const change of patches.flatMap((patch) => patch.files)) {
    const earlier = byPath.get(change.path);
    byPath.set(change.path, earlier ? { ...change, before: earlier.before } : change);
  }
  return buildFixPatch([...byPath.values()]);
}

function fileDiff(change: FileChange): string {
  const { path, before, after } = change;
  const header = [`diff --git a/${path} b/${path}`];
  if (before === null) header.push('new file mode 100644');
  if (after === null) header.push('deleted file mode 100644');
  header.push(before === null ? '--- /dev/null' : `--- a/${path}`);
  header.push(after === null ? '+++ /dev/null' : `+++ b/${path}`);
  const patch = structuredPatch(path, path, before ?? '', after ?? '', '', '', { context: 3 });
  const hunks = patch.hunks.map((hunk) => {
    // git writes the line before an empty range (0 at the start of the file); jsdiff writes the next one.
    const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
    const range = `@@ -${oldStart},${hunk.oldLines} +${newStart},${hunk.newLines} @@`;
    return [range, ...hunk.lines].join('\n');
  });
  return `${[...header, ...hunks].join('\n')}\n`;
}
