import { isWritableBranch, type FixAttemptRecord, type VerificationRequest } from '@fixloop/core';
import { capturedError } from '../event/captured-error.ts';
import { suffixFramePathMapper } from '../event/frame-path-mapper.ts';
import { buildFixContext } from '../fixers/fix-context.ts';
import type { FixContext } from '../fixers/fixer.ts';
import { generateReproduction } from '../reproduce/generate-reproduction.ts';
import { gitRepoSnapshot } from '../source/repo-snapshot.ts';
import type { AttemptTracker } from './attempt-tracker.ts';
import {
  DEFAULT_VERIFICATION_TIMEOUTS,
  type AutofixPorts,
  type FixAttemptInput,
  type FixAttemptOptions,
} from './autofix-ports.ts';

export interface PreparedAttempt {
  context: FixContext & { reproduction: NonNullable<FixContext['reproduction']> };
  base: Omit<VerificationRequest, 'fix' | 'reproduction'>;
}

/**
 * Fetches, builds the reproduction test from the event and proves it fails on the base head. Returns
 * null when the attempt cannot go on (it is then in needs_review, or failed by the kill switch).
 */
export async function prepareAttempt(
  tracker: AttemptTracker,
  input: FixAttemptInput,
  ports: AutofixPorts,
  options: FixAttemptOptions,
): Promise<PreparedAttempt | null> {
  const record: FixAttemptRecord = tracker.record;
  const head = await ports.git.fetch();
  record.baseSha = head.sha;
  const { fixBranch, protectedBranches } = input.repository;
  if (!isWritableBranch(fixBranch, { baseBranch: head.branch, protectedBranches })) {
    await tracker.moveTo('failed', `refusing to write to protected branch "${fixBranch}": the fix branch must not be ${head.branch}, main, master, staging or a protected branch`); // prettier-ignore
    return null;
  }
  const error = capturedError(input.event);
  if (!error) return review(tracker, 'the event has no exception to reproduce');
  const repo = gitRepoSnapshot(ports.git, head.sha);
  const root = input.repository.root ?? '';
  const mapPath = input.mapPath ?? suffixFramePathMapper(await repo.listFiles(), root);
  const { testCommand } = input.repository;
  const generated = await generateReproduction({ error, issue: input.issue, repo, root, mapPath, testCommand }); // prettier-ignore
  if (generated.kind === 'no_reproduction') return review(tracker, `no reproduction: ${generated.reason}`);
  record.reproduction = generated.test;
  const base = {
    baseSha: head.sha,
    ...(input.repository.root ? { root: input.repository.root } : {}),
    ...(input.repository.installCommand ? { installCommand: input.repository.installCommand } : {}),
    testCommand: input.repository.testCommand,
    timeouts: { ...DEFAULT_VERIFICATION_TIMEOUTS, ...options.timeouts },
  };
  if (!(await tracker.allowed('running the reproduction test'))) return null;
  const verdict = await ports.verifier.reproduce({ ...base, reproduction: generated.test });
  if (!verdict.verified) {
    record.verdict = verdict;
    return review(tracker, `no reproduction: ${verdict.reason}`);
  }
  const context = await buildFixContext({ error, repo, root, mapPath });
  return { context: { ...context, reproduction: generated.test }, base };
}

async function review(tracker: AttemptTracker, reason: string): Promise<null> {
  await tracker.moveTo('needs_review', reason);
  return null;
}
