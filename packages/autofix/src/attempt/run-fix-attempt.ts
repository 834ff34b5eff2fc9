import { AUTOFIX_AGENT, permissionAtLeast, type FixAttemptRecord } from '@fixloop/core';
import { LlmFixer } from '../fixers/llm-fixer.ts';
import type { Fixer } from '../fixers/fixer.ts';
import { buildFixPatch, mergeFixPatches } from '../source/build-fix-patch.ts';
import { AttemptTracker, newAttemptRecord } from './attempt-tracker.ts';
import type { AutofixPorts, FixAttemptInput, FixAttemptOptions } from './autofix-ports.ts';
import { concludeAttempt } from './conclude-attempt.ts';
import { DETERMINISTIC_FIXERS } from './deterministic-fixers.ts';
import { findVerifiedFix, type FixSearch } from './find-verified-fix.ts';
import { prepareAttempt } from './prepare-attempt.ts';

/**
 * One autofix attempt for an issue: kill switch → reproduce (a test that fails on the base head) →
 * deterministic fixers, then the LLM fixer for a few rounds → verify each candidate → policy → commit
 * and push, await approval, or leave for review with the best candidate. Every state change goes to the
 * journal; the kill switch is asked before every step. Returns the attempt's final record.
 */
export async function runFixAttempt(
  input: FixAttemptInput,
  ports: AutofixPorts,
  options: FixAttemptOptions = {},
): Promise<FixAttemptRecord> {
  const record = newAttemptRecord({ attemptId: input.attemptId, projectId: input.projectId, issueId: input.issue.id, fixBranch: input.repository.fixBranch }); // prettier-ignore
  const tracker = new AttemptTracker(record, ports, AUTOFIX_AGENT);
  try {
    const turns = fixerTurns(input, ports, options);
    if (turns.length === 0) {
      await tracker.moveTo('failed', 'no agent is permitted to propose fixes (permission below SUGGEST)');
      return record;
    }
    if (!(await tracker.allowed('reproduction'))) return record;
    await tracker.moveTo('reproducing', 'building a reproduction test from the event');
    const prepared = await prepareAttempt(tracker, input, ports, options);
    if (!prepared) return record;
    await tracker.moveTo('generating', `reproduced: ${prepared.context.reproduction.description}`);
    const search = await findVerifiedFix(tracker, ports, prepared.context, turns, prepared.base);
    if (search.stopped) return record;
    if (search.verified)
      return await concludeAttempt(tracker, input, ports, options, prepared.context, search.verified);
    await leaveForReview(tracker, search);
  } catch (error) {
    if (['pending', 'reproducing', 'generating', 'verifying'].includes(record.state)) {
      await tracker.moveTo('failed', `attempt failed: ${(error as Error).message}`);
    }
  }
  return record;
}

function fixerTurns(input: FixAttemptInput, ports: AutofixPorts, options: FixAttemptOptions) {
  const turns: Array<{ fixer: Fixer; rounds: number }> = [];
  if (permissionAtLeast(options.permission ?? 'MINOR_FIX', 'SUGGEST')) {
    for (const fixer of options.fixers ?? DETERMINISTIC_FIXERS) turns.push({ fixer, rounds: 1 });
  }
  const llm = options.llm;
  if (llm && ports.llm && permissionAtLeast(llm.permission, 'SUGGEST')) {
    const fixer = new LlmFixer({ llm: ports.llm, agentName: llm.agentName, projectId: input.projectId, issueId: input.issue.id, issueTitle: input.issue.title, investigation: input.investigation ?? null, ...(llm.sensitiveFields ? { sensitiveFields: llm.sensitiveFields } : {}) }); // prettier-ignore
    turns.push({ fixer, rounds: Math.max(1, llm.maxRounds ?? 2) });
  }
  return turns;
}

/** No verified fix: review with the best candidate, or escalate when no fixer produced one at all. */
async function leaveForReview(tracker: AttemptTracker, search: FixSearch): Promise<void> {
  const record = tracker.record;
  if (search.best) {
    const { candidate, reproduction, verdict } = search.best;
    record.candidate = candidate;
    record.verdict = verdict;
    record.commitPatch = mergeFixPatches(candidate.patch, buildFixPatch([{ path: reproduction.path, before: null, after: reproduction.content }])); // prettier-ignore
    await tracker.moveTo(
      'needs_review',
      `no candidate passed verification; best: ${candidate.fixer} (${verdict.reason})`,
    );
    return;
  }
  const reasons = record.tried.map((t) => `${t.fixer}: ${t.reason}`).join('; ');
  await tracker.moveTo('needs_review', `no fixer could handle this error (${reasons})`, { escalated: true });
  await tracker.escalate(`no fixer could handle this error: ${reasons}`);
}
