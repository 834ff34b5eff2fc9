import { textSimilarity } from './text-similarity.ts';

/** A resolved issue to compare with, as the caller loaded it (with how it was resolved, when known). */
export interface SimilarIssueCandidate {
  id: number;
  shortId?: string;
  title: string;
  /** Exception type (`TypeError`), usually the issue's metadata.type. */
  type?: string | null;
  culprit: string;
  resolvedAt?: string | null;
  resolutionComments?: string[];
  fixCommits?: string[];
}

export interface SimilarIssue {
  id: number;
  shortId?: string;
  title: string;
  culprit: string;
  score: number;
  reasons: string[];
  resolvedAt: string | null;
  resolutionComments: string[];
  fixCommits: string[];
}

export interface SimilarIssueTarget {
  id?: number;
  title: string;
  type?: string | null;
  culprit: string;
}

const WEIGHTS = { title: 0.5, type: 0.2, culprit: 0.3 } as const;

/** Resolved issues whose title, exception type and culprit resemble the target's, best first. */
export function findSimilarIssues(
  target: SimilarIssueTarget,
  candidates: readonly SimilarIssueCandidate[],
  options: { minScore?: number; limit?: number } = {},
): SimilarIssue[] {
  const minScore = options.minScore ?? 0.45;
  return candidates
    .filter((candidate) => candidate.id !== target.id)
    .map((candidate) => compare(target, candidate))
    .filter((similar) => similar.score >= minScore)
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, options.limit ?? 5);
}

function compare(target: SimilarIssueTarget, candidate: SimilarIssueCandidate): SimilarIssue {
  const title = textSimilarity(target.title, candidate.title);
  const culprit = textSimilarity(target.culprit, candidate.culprit);
  const bothTyped = Boolean(target.type && candidate.type);
  const sameType = bothTyped && target.type?.toLowerCase() === candidate.type?.toLowerCase();
  // Without a type on both sides, its weight is shared by title and culprit instead of counting as a miss.
  const scale = bothTyped ? 1 : 1 / (WEIGHTS.title + WEIGHTS.culprit);
  const score = (WEIGHTS.title * title + WEIGHTS.culprit * culprit) * scale + (sameType ? WEIGHTS.type : 0);
  const reasons = [`title ${pct(title)} similar`, `culprit ${pct(culprit)} similar`];
  if (bothTyped)
    reasons.push(
      sameType ? `same exception type ${candidate.type}` : `different exception type ${candidate.type}`,
    );
  return {
    id: candidate.id,
    shortId: candidate.shortId,
    title: candidate.title,
    culprit: candidate.culprit,
    score: Math.round(score * 1000) / 1000,
    reasons,
    resolvedAt: candidate.resolvedAt ?? null,
    resolutionComments: candidate.resolutionComments ?? [],
    fixCommits: candidate.fixCommits ?? [],
  };
}

const pct = (value: number) => `${Math.round(value * 100)}%`;
