import { posix } from 'node:path';
import type { ReproductionTest } from '@fixloop/core';
import type { CapturedError } from '../event/captured-error.ts';
import type { FramePathMapper } from '../event/frame-path-mapper.ts';
import type { RepoSnapshot } from '../source/repo-snapshot.ts';
import { detectTestSetup } from './detect-test-setup.ts';
import { messageFragments } from './message-fragments.ts';
import { pythonReproduction } from './python-reproduction.ts';
import { javascriptReproduction } from './javascript-reproduction.ts';
import { reproductionCommand } from './reproduction-command.ts';

export interface ReproductionInput {
  error: CapturedError;
  issue: { id: number; shortId?: string | null };
  repo: RepoSnapshot;
  /** The project's folder in the repository ('' for the root). */
  root: string;
  mapPath: FramePathMapper;
  /** The repository's whole test command: pytest reproductions run on the interpreter it names. */
  testCommand?: string;
}

export type ReproductionResult =
  { kind: 'reproduction'; test: ReproductionTest } | { kind: 'no_reproduction'; reason: string };

/** The part of a reproduction that depends on the language: file, content and what it does. */
export interface ReproductionDraft {
  path: string;
  content: string;
  description: string;
}

/**
 * Builds a test that fails while the captured error still happens, in the repository's own framework:
 * it calls the nearest exported function on the stack with the captured (or inferred) arguments, or the
 * HTTP handler with the request data, or loads the module that fails to load. Pure: reads go through
 * the snapshot. The test is proven to fail on the base only later, by the verifier.
 */
export async function generateReproduction(input: ReproductionInput): Promise<ReproductionResult> {
  const setup = await detectTestSetup(input.repo, input.root, input.error.platform);
  if (!setup) return { kind: 'no_reproduction', reason: 'no test framework found in the repository' };
  const name = `fixloop-issue-${input.issue.id}`;
  const draft =
    setup.framework === 'pytest'
      ? await pythonReproduction(input, name)
      : await javascriptReproduction(input, setup, name);
  if ('reason' in draft) return { kind: 'no_reproduction', reason: draft.reason };
  const relative = input.root ? posix.relative(input.root, draft.path) : draft.path;
  return {
    kind: 'reproduction',
    test: {
      framework: setup.framework,
      path: draft.path,
      content: draft.content,
      command: reproductionCommand(setup, relative, input.testCommand),
      expectedFailure: { errorType: input.error.type, fragments: messageFragments(input.error.value) },
      description: draft.description,
    },
  };
}

export function issueLabel(issue: ReproductionInput['issue']): string {
  return issue.shortId ?? `#${issue.id}`;
}
