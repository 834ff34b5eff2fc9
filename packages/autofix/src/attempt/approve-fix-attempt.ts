import {
  checkKillSwitch,
  isWritableBranch,
  type FixActor,
  type FixAttemptRecord,
  type GitIdentity,
} from '@fixloop/core';
import { AttemptTracker } from './attempt-tracker.ts';
import type { AutofixPorts } from './autofix-ports.ts';
import { commitToFixBranch } from './commit-to-fix-branch.ts';
import { refused, type FixActionResult } from './fix-action-result.ts';

export type FixActionPorts = Pick<AutofixPorts, 'git' | 'switches' | 'journal' | 'clock'>;

/**
 * Approves a verified fix that awaits approval and commits it: fix and test in one commit on the fix
 * branch (on top of its current tip), then pushed. Only people approve; category C only by an admin.
 */
export async function approveFixAttempt(
  attempt: FixAttemptRecord,
  actor: FixActor,
  ports: FixActionPorts,
  options: { botIdentity?: GitIdentity; push?: boolean } = {},
): Promise<FixActionResult> {
  if (attempt.state !== 'awaiting_approval')
    return refused('conflict', `the attempt is ${attempt.state}, not awaiting approval`);
  if (actor.kind !== 'user') return refused('forbidden', 'only a person can approve a fix');
  if (attempt.approverRole === 'admin' && actor.role !== 'admin')
    return refused('forbidden', 'this fix (category C) needs an admin');
  if (!attempt.commitPatch || !attempt.baseSha || !attempt.commitMessage)
    return refused('conflict', 'the attempt has no verified patch');
  const baseBranch = (await ports.git.baseHead()).branch;
  if (!isWritableBranch(attempt.fixBranch, { baseBranch }))
    return refused('forbidden', `${attempt.fixBranch} is a protected branch`);
  const verdict = checkKillSwitch(await ports.switches.read(attempt.projectId));
  if (!verdict.allowed) return refused('stopped', verdict.reason);
  const record = structuredClone(attempt);
  const tracker = new AttemptTracker(record, ports, actor);
  const now = ports.clock.now();
  const approvedBy = actor.name ?? `user ${actor.userId}`;
  const message = `${attempt.commitMessage.trimEnd()}\nApproved-by: ${approvedBy}\n`;
  const commit = await commitToFixBranch(ports.git, { baseSha: attempt.baseSha, patch: attempt.commitPatch, branch: attempt.fixBranch, message, date: now, push: options.push ?? true, ...(options.botIdentity ? { author: options.botIdentity } : {}) }); // prettier-ignore
  record.commitSha = commit.sha;
  record.committedAt = now;
  record.commitMessage = message;
  await tracker.moveTo('committed', `approved by ${approvedBy}: ${commit.sha.slice(0, 12)} on ${commit.branch}`, { commitSha: commit.sha }); // prettier-ignore
  return { ok: true, record };
}
