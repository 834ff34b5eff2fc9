import type { GitCommit, GitIdentity } from '@fixloop/core';
import type { BlameEvidence } from './commit-evidence.ts';
import {
  AFTER_FIRST_SEEN_PENALTY,
  blameScore,
  hunkScore,
  recencyScore,
  type ScorePart,
  type SuspectTarget,
} from './suspect-scoring.ts';

export interface SuspectCommit {
  sha: string;
  shortSha: string;
  summary: string;
  author: GitIdentity;
  /** When it landed (committer date; author date for commits known from blame only), ISO 8601. */
  landedAt: string;
  /** 0–1; the reasons say where every part comes from. */
  score: number;
  reasons: string[];
  /** Culprit files the commit touched. */
  files: string[];
  touchesCrashLine: boolean;
  landedAfterFirstSeen: boolean;
}

export interface RankSuspectCommitsInput {
  targets: readonly SuspectTarget[];
  blame: readonly BlameEvidence[];
  commits: readonly GitCommit[];
  firstSeen: Date;
  blameRadius: number;
  halfLifeDays?: number;
  /** Commits missing from the first release: pushed down like commits after firstSeen. */
  notInFirstRelease?: ReadonlySet<string>;
  firstRelease?: string | null;
}

interface Candidate {
  sha: string;
  summary: string;
  author: GitIdentity;
  landedAt: Date;
  files: Set<string>;
  blame: ScorePart | null;
  hunk: ScorePart | null;
  touchesCrashLine: boolean;
}

/**
 * Ranks the commits that blame or history tie to the crashing lines: by how close they touched the lines
 * (blame of the line itself first, then hunk distance), and by how recently they landed before the issue
 * was first seen. Commits that landed after that are kept, last, with a near-zero score and the reason.
 */
export function rankSuspectCommits(input: RankSuspectCommitsInput): SuspectCommit[] {
  const candidates = new Map<string, Candidate>();
  addBlame(candidates, input);
  addHistory(candidates, input);
  const ranked = [...candidates.values()].map((c) => toSuspect(c, input));
  return ranked.sort((a, b) => b.score - a.score || b.landedAt.localeCompare(a.landedAt));
}

function addBlame(candidates: Map<string, Candidate>, input: RankSuspectCommitsInput): void {
  for (const evidence of input.blame) {
    for (const line of evidence.lines) {
      for (const target of input.targets.filter((t) => t.repoPath === evidence.repoPath)) {
        if (Math.abs(line.line - target.line) > input.blameRadius) continue;
        const candidate = candidateFor(candidates, line.commit, () => ({
          summary: line.summary,
          author: { name: line.author, email: line.authorEmail },
          landedAt: line.authorTime,
        }));
        candidate.files.add(evidence.repoPath);
        candidate.blame = best(candidate.blame, blameScore(line, target, input.blameRadius));
        if (line.line === target.line && target.weight === 1) candidate.touchesCrashLine = true;
      }
    }
  }
}

function addHistory(candidates: Map<string, Candidate>, input: RankSuspectCommitsInput): void {
  for (const commit of input.commits) {
    const candidate = candidateFor(candidates, commit.sha, () => ({
      summary: commit.summary,
      author: commit.author,
      landedAt: commit.committerTime,
    }));
    candidate.landedAt = commit.committerTime;
    for (const file of commit.files) {
      for (const target of input.targets.filter((t) => t.repoPath === file.path)) {
        candidate.files.add(file.path);
        const part = hunkScore(file.hunks, target);
        candidate.hunk = best(candidate.hunk, part);
        if (part?.distance === 0 && target.weight === 1) candidate.touchesCrashLine = true;
      }
    }
  }
}

function candidateFor(
  candidates: Map<string, Candidate>,
  sha: string,
  meta: () => Pick<Candidate, 'summary' | 'author' | 'landedAt'>,
): Candidate {
  let candidate = candidates.get(sha);
  if (!candidate) {
    candidate = { sha, ...meta(), files: new Set(), blame: null, hunk: null, touchesCrashLine: false };
    candidates.set(sha, candidate);
  }
  return candidate;
}

function best(current: ScorePart | null, next: ScorePart | null): ScorePart | null {
  return next !== null && (current === null || next.value > current.value) ? next : current;
}

function toSuspect(candidate: Candidate, input: RankSuspectCommitsInput): SuspectCommit {
  const recency = recencyScore(candidate.landedAt, input.firstSeen, input.halfLifeDays ?? 7);
  const parts = [candidate.blame, candidate.hunk, recency].filter((p): p is ScorePart => p !== null);
  const reasons = parts.map((part) =>
    part === recency && recency.after
      ? `${part.reason} (score ×${AFTER_FIRST_SEEN_PENALTY})`
      : `${part.reason} (+${part.value.toFixed(2)})`,
  );
  const unreleased = !recency.after && (input.notInFirstRelease?.has(candidate.sha) ?? false);
  if (unreleased)
    reasons.push(
      `not part of the first release ${input.firstRelease ?? ''} (score ×${AFTER_FIRST_SEEN_PENALTY})`,
    );
  const sum = parts.reduce((total, part) => total + part.value, 0);
  const score = Math.min(1, recency.after || unreleased ? sum * AFTER_FIRST_SEEN_PENALTY : sum);
  return {
    sha: candidate.sha,
    shortSha: candidate.sha.slice(0, 12),
    summary: candidate.summary,
    author: candidate.author,
    landedAt: candidate.landedAt.toISOString(),
    score: Math.round(score * 1000) / 1000,
    reasons,
    files: [...candidate.files].sort(),
    touchesCrashLine: candidate.touchesCrashLine,
    landedAfterFirstSeen: recency.after,
  };
}
