import { DEFAULT_POLICY_RULES, type AgentPermission, type FixAttemptRecord } from '@fixloop/core';
import type { FixContext } from '../fixers/fixer.ts';
import { categorizePatch } from '../policy/categorize-patch.ts';
import { decideFixAction } from '../policy/decide-fix-action.ts';
import { buildFixPatch, mergeFixPatches } from '../source/build-fix-patch.ts';
import type { AttemptTracker } from './attempt-tracker.ts';
import type { AutofixPorts, FixAttemptInput, FixAttemptOptions } from './autofix-ports.ts';
import { commitMessage } from './commit-message.ts';
import { commitToFixBranch } from './commit-to-fix-branch.ts';
import type { VerifiedFix } from './find-verified-fix.ts';

/**
 * A verified fix under policy: categorized by what it touches, then committed (fix and test in one commit
 * on the fix branch, pushed), or left awaiting approval, or (dry run, not allowed) left for review.
 */
export async function concludeAttempt(
  tracker: AttemptTracker,
  input: FixAttemptInput,
  ports: AutofixPorts,
  options: FixAttemptOptions,
  context: FixContext,
  fix: VerifiedFix,
): Promise<FixAttemptRecord> {
  const record = await recordFix(tracker, input, context, fix, options);
  const candidate = record.candidate ?? fix.candidate;
  const permission: AgentPermission = candidate.fixer.startsWith('llm:') ? (options.llm?.permission ?? 'SUGGEST') : (options.permission ?? 'MINOR_FIX'); // prettier-ignore
  const action = decideFixAction(candidate.category, permission, { autoCommit: options.autoCommit ?? ['A'] });
  if (options.dryRun) {
    await tracker.moveTo('needs_review', `dry run: verified, not committed (policy: ${action.reason})`, {
      dryRun: true,
    });
  } else if (action.action === 'not_allowed') {
    await tracker.moveTo('needs_review', action.reason);
  } else if (action.action === 'await_approval') {
    record.approverRole = action.approverRole;
    await tracker.moveTo('awaiting_approval', action.reason, {
      approverRole: action.approverRole,
      category: candidate.category,
    });
  } else if (await tracker.allowed('commit')) {
    const now = ports.clock.now();
    const commit = await commitToFixBranch(ports.git, { baseSha: record.baseSha ?? '', patch: record.commitPatch ?? candidate.patch, branch: record.fixBranch, message: record.commitMessage ?? '', ...(options.botIdentity ? { author: options.botIdentity } : {}), date: now, push: options.push ?? true }); // prettier-ignore
    record.commitSha = commit.sha;
    record.committedAt = now;
    await tracker.moveTo('committed', `${action.reason}: ${commit.sha.slice(0, 12)} on ${commit.branch}`, {
      commitSha: commit.sha,
      branch: commit.branch,
    });
  }
  return record;
}

/** Stores the fix, its final category, the one patch to commit (fix + test) and the commit message. */
async function recordFix(
  tracker: AttemptTracker,
  input: FixAttemptInput,
  context: FixContext,
  fix: VerifiedFix,
  options: FixAttemptOptions,
): Promise<FixAttemptRecord> {
  const record = tracker.record;
  const rules = options.policyRules ?? DEFAULT_POLICY_RULES;
  const policy = categorizePatch(fix.candidate.patch, { category: fix.candidate.category, reasons: fix.candidate.categoryReasons }, rules, [fix.reproduction.path]); // prettier-ignore
  const candidate = { ...fix.candidate, category: policy.category, categoryReasons: policy.reasons };
  const testBefore = await context.repo.readText(fix.reproduction.path);
  const test = buildFixPatch([
    { path: fix.reproduction.path, before: testBefore, after: fix.reproduction.content },
  ]);
  record.candidate = candidate;
  record.reproduction = fix.reproduction;
  record.verdict = fix.verdict;
  record.commitPatch = mergeFixPatches(candidate.patch, test);
  record.commitMessage = commitMessage({ issue: input.issue, attemptId: input.attemptId, candidate, reproduction: fix.reproduction, verdict: fix.verdict, baseSha: record.baseSha ?? '', testCommand: input.repository.testCommand }); // prettier-ignore
  return record;
}
