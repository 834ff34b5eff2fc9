import { summarizeVerification } from '@fixloop/core';
import type { FixAttemptPatch, FixAttemptRecord } from '@fixloop/core';

/** The engine's record spread over the columns people query, with the record itself kept whole. */
export function attemptRecordColumns(record: FixAttemptRecord): FixAttemptPatch {
  const candidate = record.candidate;
  return {
    record,
    category: candidate?.category ?? null,
    confidence: candidate?.confidence ?? null,
    fixer: candidate?.fixer ?? null,
    explanation: explainAttempt(record),
    diff: record.commitPatch?.diff ?? candidate?.patch.diff ?? null,
    testFile: record.reproduction?.path ?? null,
    testContent: record.reproduction?.content ?? null,
    verificationOutcome: record.verdict?.outcome ?? null,
    verificationLog: record.verdict === null ? null : summarizeVerification(record.verdict).log,
    baseSha: record.baseSha,
    commitSha: record.commitSha,
    committedAt: record.committedAt,
    approverRole: record.approverRole,
  };
}

/** For people: what broke, what the fix does, why its policy category is what it is, what was tried. */
export function explainAttempt(record: FixAttemptRecord): string | null {
  const lines: string[] = [];
  const candidate = record.candidate;
  if (candidate) {
    lines.push(candidate.summary, '', `Root cause: ${candidate.rootCause}`, '');
    lines.push(
      `Fixer: ${candidate.fixer} (confidence ${candidate.confidence.toFixed(2)}), category ${candidate.category}:`,
    );
    for (const reason of candidate.categoryReasons) lines.push(`- ${reason}`);
  }
  if (record.reproduction) lines.push('', `Reproduction: ${record.reproduction.description}`);
  const tried = record.tried.filter((t) => t.fixer !== candidate?.fixer || t.outcome !== 'verified');
  if (tried.length > 0) {
    lines.push('', 'Tried:');
    for (const t of tried) lines.push(`- ${t.fixer}: ${t.outcome}: ${t.reason}`);
  }
  return lines.length === 0 ? null : lines.join('\n').trim();
}
