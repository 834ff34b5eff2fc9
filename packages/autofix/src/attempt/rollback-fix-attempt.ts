import {
  describeFixActor,
  isCommittedFixAttemptState,
  isWritableBranch,
  type FixActor,
  type FixAttemptRecord,
  type GitIdentity,
} from '@fixloop/core';
import { AttemptTracker } from './attempt-tracker.ts';
import type { FixActionPorts } from './approve-fix-attempt.ts';
import { refused, type FixActionResult } from './fix-action-result.ts';

export const ROLLBACK_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Reverts a committed fix with a revert commit on the fix branch (pushed), within 24 hours of the
 * commit. Afterwards the fix is part of the reviewed history and is undone like any other change.
 */
export async function rollbackFixAttempt(
  attempt: FixAttemptRecord,
  actor: FixActor,
  ports: FixActionPorts,
  options: { botIdentity?: GitIdentity; push?: boolean; reason?: string } = {},
): Promise<FixActionResult> {
  if (!isCommittedFixAttemptState(attempt.state) || !attempt.commitSha || !attempt.committedAt) {
    return refused('conflict', `the attempt is ${attempt.state}; only committed fixes can be rolled back`);
  }
  const now = ports.clock.now();
  if (now.getTime() - attempt.committedAt.getTime() > ROLLBACK_WINDOW_MS) {
    return refused('expired', 'a fix can be rolled back for 24 hours after it was committed');
  }
  const baseBranch = (await ports.git.baseHead()).branch;
  if (!isWritableBranch(attempt.fixBranch, { baseBranch }))
    return refused('forbidden', `${attempt.fixBranch} is a protected branch`);
  const head = await ports.git.branchHead(attempt.fixBranch);
  if (!head) return refused('conflict', `the fix branch ${attempt.fixBranch} does not exist`);
  const worktree = await ports.git.createWorktree(head);
  let revertSha: string;
  try {
    await ports.git.revertInWorktree(worktree, attempt.commitSha);
    const why = options.reason ? `\n\n${options.reason}` : '';
    const message = `Revert fix ${attempt.commitSha.slice(0, 12)} (Fixloop attempt ${attempt.id})${why}\n\nRolled back by ${describeFixActor(actor)}.\nFixloop-Attempt: ${attempt.id}\n`;
    const commit = await ports.git.commitToBranch(worktree, { branch: attempt.fixBranch, message, date: now, ...(options.botIdentity ? { author: options.botIdentity } : {}) }); // prettier-ignore
    revertSha = commit.sha;
  } finally {
    await worktree.dispose();
  }
  if (options.push ?? true) await ports.git.push(attempt.fixBranch);
  const record = structuredClone(attempt);
  await new AttemptTracker(record, ports, actor).moveTo('rolled_back', `rolled back by ${describeFixActor(actor)}: revert ${revertSha.slice(0, 12)}`, { revertSha }); // prettier-ignore
  return { ok: true, record };
}
