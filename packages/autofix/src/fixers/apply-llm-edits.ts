import { posix } from 'node:path';
import type { FileChange } from '@fixloop/core';
import type { RepoSnapshot } from '../source/repo-snapshot.ts';
import type { LlmFixEdit } from './llm-fix-schema.ts';

export type AppliedEdits = { ok: true; changes: FileChange[] } | { ok: false; reason: string };

/**
 * Applies search/replace edits to the snapshot's files. Each `find` must occur exactly once (so the edit
 * is unambiguous); paths must stay inside the project and may not touch the reproduction test.
 */
export async function applyLlmEdits(
  repo: RepoSnapshot,
  edits: readonly LlmFixEdit[],
  options: { root: string; protectedPaths: readonly string[] },
): Promise<AppliedEdits> {
  const files = new Map<string, { before: string | null; after: string }>();
  for (const [index, edit] of edits.entries()) {
    const path = posix.normalize(edit.path.replace(/^\.?\//, ''));
    if (
      path.startsWith('..') ||
      posix.isAbsolute(path) ||
      (options.root && !path.startsWith(`${options.root}/`))
    ) {
      return { ok: false, reason: `edit ${index}: ${edit.path} is outside the project` };
    }
    if (options.protectedPaths.includes(path))
      return {
        ok: false,
        reason: `edit ${index}: ${path} is the reproduction test; answer with "test" instead`,
      };
    const current = files.get(path) ?? {
      before: await repo.readText(path),
      after: (await repo.readText(path)) ?? '',
    };
    if (edit.find === '') {
      if (current.before !== null || files.has(path))
        return { ok: false, reason: `edit ${index}: ${path} exists; an empty find only creates new files` };
      files.set(path, { before: null, after: edit.replace });
      continue;
    }
    const count = current.after.split(edit.find).length - 1;
    if (count !== 1)
      return {
        ok: false,
        reason: `edit ${index}: the text to find occurs ${count} times in ${path}, not once`,
      };
    files.set(path, { before: current.before, after: current.after.replace(edit.find, () => edit.replace) });
  }
  return {
    ok: true,
    changes: [...files.entries()].map(([path, { before, after }]) => ({ path, before, after })),
  };
}
