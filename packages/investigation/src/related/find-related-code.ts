import type { CodeSearch, GitWorkspace } from '@fixloop/core';
import { classifyRelatedCode, type RelatedCodeHit } from './classify-related-code.ts';
import { searchableFunctionName } from './function-name.ts';

export interface RelatedCodeTarget {
  function: string | null;
  repoPath: string;
  line: number;
}

export interface RelatedCodeOptions {
  /** A monorepo subfolder to search in, relative to the repository root. */
  root?: string;
  maxDefinitions: number;
  maxCalls: number;
}

export interface RelatedCode {
  /** The searched name, or null when the crashing function has no usable name. */
  functionName: string | null;
  hits: RelatedCodeHit[];
}

/**
 * Where the crashing function is defined and called, searched in a throwaway checkout of the
 * investigated commit (the clone is bare), which is removed afterwards whatever happens.
 */
export async function findRelatedCode(
  ports: { git: Pick<GitWorkspace, 'createWorktree'>; codeSearch: CodeSearch },
  commit: string,
  target: RelatedCodeTarget,
  options: RelatedCodeOptions,
): Promise<RelatedCode> {
  const functionName = searchableFunctionName(target.function);
  if (functionName === null) return { functionName, hits: [] };
  const worktree = await ports.git.createWorktree(commit);
  try {
    const prefix = options.root ? `${options.root}/` : '';
    const matches = await ports.codeSearch.search(
      `${worktree.path}/${options.root ?? ''}`,
      `\\b${functionName}\\b`,
      {
        maxResults: 300,
      },
    );
    const repoMatches = matches.map((match) => ({ ...match, path: `${prefix}${match.path}` }));
    const hits = classifyRelatedCode(repoMatches, functionName, {
      exclude: [{ path: target.repoPath, line: target.line }],
      maxDefinitions: options.maxDefinitions,
      maxCalls: options.maxCalls,
    });
    return { functionName, hits };
  } finally {
    await worktree.dispose();
  }
}
