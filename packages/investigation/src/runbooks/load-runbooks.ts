import type { GitWorkspace } from '@fixloop/core';
import { parseRunbook, type Runbook } from './parse-runbook.ts';

export interface LoadRunbooksOptions {
  maxFiles?: number;
  maxBytes?: number;
  /** The file list at ref, when the caller already has it. */
  files?: readonly string[];
}

/** Parses every markdown file under the runbooks folder at a commit; a missing folder means no runbooks. */
export async function loadRunbooks(
  git: Pick<GitWorkspace, 'listFiles' | 'readFile'>,
  ref: string,
  dir: string,
  options: LoadRunbooksOptions = {},
): Promise<{ runbooks: Runbook[]; problems: string[] }> {
  const prefix = dir.replace(/^\.?\/+|\/+$/g, '');
  const files = (options.files ?? (await git.listFiles(ref)))
    .filter((path) => (prefix === '' || path.startsWith(`${prefix}/`)) && /\.(?:md|markdown)$/i.test(path))
    .filter((path) => !/(?:^|\/)readme\.md$/i.test(path))
    .sort()
    .slice(0, options.maxFiles ?? 200);
  const parsed = await Promise.all(
    files.map(async (path) => {
      const file = await git.readFile(ref, path, { maxBytes: options.maxBytes ?? 256 * 1024 });
      return file === null || file.binary ? { runbook: null, problems: [] } : parseRunbook(path, file.text);
    }),
  );
  return {
    runbooks: parsed.flatMap((p) => (p.runbook ? [p.runbook] : [])),
    problems: parsed.flatMap((p) => p.problems),
  };
}
