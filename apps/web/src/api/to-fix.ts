import type { Fix, FixAuditEntry, FixStatus, VerificationStep } from './types.ts';

/** A fix as GET /api/0/fixes/{id}/ and the fix lists answer (apps/server serialize-fix.ts). */
export interface FixJson {
  id: string;
  issue: { id: string; shortId: string | null; title: string } | null;
  title: string;
  status: FixStatus;
  fixer: string | null;
  explanation: string | null;
  reason: string | null;
  diff: string | null;
  testFile: string | null;
  testContent: string | null;
  verification: {
    outcome: string | null;
    reproducedBefore: boolean;
    passedAfter: boolean;
    suiteOk: boolean;
    log: string | null;
  };
  commitSha: string | null;
  branch: string;
  branchUrl: string | null;
  rollbackSha: string | null;
  events?: {
    state: string;
    actor: { type: string; id: string | null; name: string };
    at: string;
    note: string;
  }[];
  dateCreated: string;
  dateUpdated: string;
}

/** The server's fix JSON as the fix views read it. */
export function toFix(json: FixJson): Fix {
  return {
    id: json.id,
    issue: { id: json.issue?.id ?? '', shortId: json.issue?.shortId ?? '', title: json.issue?.title ?? '' },
    status: json.status,
    // LLM fixers are named `llm:<agent>`; every other fixer is a deterministic rule.
    source: json.fixer?.startsWith('llm:') ? 'ai' : 'rule',
    title: json.title,
    explanation: json.explanation ?? json.reason ?? '',
    reason: json.reason,
    diff: json.diff ?? '',
    test: json.testFile ? { path: json.testFile, code: json.testContent ?? '' } : null,
    verification: toSteps(json.verification),
    commit: json.commitSha
      ? { sha: json.commitSha, branch: json.branch, branchUrl: json.branchUrl, rollbackSha: json.rollbackSha }
      : null,
    audit: (json.events ?? []).map((event, index): FixAuditEntry => ({
      id: String(index),
      action: event.state,
      actor: { id: event.actor.id ?? event.actor.type, name: event.actor.name },
      dateCreated: event.at,
      note: event.note,
    })),
    dateCreated: json.dateCreated,
    dateUpdated: json.dateUpdated,
  };
}

/**
 * The verdict is one record (reproduced before, passed after, one log): shown as the two runs it stands
 * for, with the log under the run after the fix.
 */
function toSteps(verification: FixJson['verification']): VerificationStep[] {
  if (verification.outcome === null) return [];
  const before = verification.reproducedBefore
    ? 'The generated test failed on the base commit: it reproduces the crash.'
    : 'The generated test did not reproduce the crash on the base commit.';
  const suite = verification.suiteOk ? 'The project test suite passed.' : 'The project test suite failed.';
  return [
    { phase: 'before', passed: !verification.reproducedBefore, output: before },
    {
      phase: 'after',
      passed: verification.passedAfter,
      output: `${suite}\n\n${verification.log ?? ''}`.trim(),
    },
  ];
}
