import type { FileChange, FixCandidate, PolicyCategory } from '@fixloop/core';
import { buildFixPatch } from '../source/build-fix-patch.ts';
import type { ProposeResult } from './fixer.ts';

/** A proposal from whole-file changes: the patch is their diff. */
export function proposal(input: {
  fixer: string;
  category: PolicyCategory;
  categoryReason: string;
  summary: string;
  rootCause: string;
  confidence: number;
  changes: FileChange[];
}): ProposeResult {
  const patch = buildFixPatch(input.changes);
  if (patch.files.length === 0) return { ok: false, reason: 'the change would leave every file as it is' };
  const candidate: FixCandidate = {
    fixer: input.fixer,
    summary: input.summary,
    rootCause: input.rootCause,
    confidence: input.confidence,
    category: input.category,
    categoryReasons: [input.categoryReason],
    patch,
  };
  return { ok: true, candidate };
}
