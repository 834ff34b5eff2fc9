import type { VerificationVerdict } from '../ports/fix-verifier.ts';
import type { FixAttemptState } from './fix-attempt-state.ts';
import type { FixPatch } from './fix-patch.ts';
import type { PolicyCategory } from './policy-category.ts';
import type { ReproductionTest } from './reproduction-test.ts';

/** A fix a fixer proposed, before or after verification. */
export interface FixCandidate {
  /** e.g. `missing-import`, `optional-guard`, `llm:claude`. */
  fixer: string;
  summary: string;
  rootCause: string;
  /** 0..1: how sure the fixer is that this is THE fix, not just a fix that passes. */
  confidence: number;
  category: PolicyCategory;
  /** Why the category is what it is (the fixer's own and every matching policy rule). */
  categoryReasons: string[];
  /** The fix alone, without the reproduction test. */
  patch: FixPatch;
}

/** One fixer's turn in an attempt, kept so reviewers see what was tried and why it failed. */
export interface TriedFix {
  fixer: string;
  summary: string | null;
  /** `not_applicable` (canFix said no), `no_proposal` (propose gave up), or the verification outcome. */
  outcome: 'not_applicable' | 'no_proposal' | VerificationVerdict['outcome'];
  reason: string;
}

/** What the engine knows about one attempt; storage persists it, approvals and rollbacks read it. */
export interface FixAttemptRecord {
  id: number;
  projectId: number;
  issueId: number;
  state: FixAttemptState;
  baseSha: string | null;
  fixBranch: string;
  reproduction: ReproductionTest | null;
  /** The verified candidate, or the best failed one for review. */
  candidate: FixCandidate | null;
  verdict: VerificationVerdict | null;
  /** Fix and test together: exactly what is (or would be) committed. */
  commitPatch: FixPatch | null;
  commitMessage: string | null;
  commitSha: string | null;
  committedAt: Date | null;
  /** Why the attempt is in its state (the last transition's reason). */
  reason: string | null;
  /** Who may approve an attempt awaiting approval: members for B, admins only for C. */
  approverRole: 'member' | 'admin' | null;
  tried: TriedFix[];
}
