import type { BlameLine, DiffHunk } from '@fixloop/core';

/** Score parts, summing to at most 1: blame of the crashing line dominates, then hunk proximity, then recency. */
export const WEIGHTS = { blameExact: 0.5, blameNear: 0.25, hunk: 0.3, recency: 0.2 } as const;
/** Multiplier for commits that landed after the issue was first seen: they cannot have caused it. */
export const AFTER_FIRST_SEEN_PENALTY = 0.05;
const DAY_MS = 86_400_000;
/** Hunks up to this many lines count fully; larger ones are discounted by the square root of the ratio. */
const SPECIFIC_HUNK_LINES = 5;

export interface SuspectTarget {
  repoPath: string;
  line: number;
  /** 1 for the crashing frame, less for the frames that called it. */
  weight: number;
}

export interface ScorePart {
  value: number;
  reason: string;
  /** Lines between the change and the crashing line, when the part measures that. */
  distance?: number;
}

/** How strongly blame ties a commit to a crashing line: owning the line itself, or a line near it. */
export function blameScore(line: BlameLine, target: SuspectTarget, radius: number): ScorePart {
  const distance = Math.abs(line.line - target.line);
  if (distance === 0) {
    return {
      value: WEIGHTS.blameExact * target.weight,
      reason: `git blame: last changed the crashing line ${target.repoPath}:${target.line}`,
    };
  }
  return {
    value: WEIGHTS.blameNear * target.weight * (1 - distance / (radius + 1)),
    reason: `git blame: last changed ${target.repoPath}:${line.line}, ${distance} line${distance === 1 ? '' : 's'} from the crash`,
  };
}

/**
 * How close a commit's changed lines came to a crashing line (in that commit's version of the file).
 * Large hunks say less: a commit that wrote the whole file "touched" every line of it.
 */
export function hunkScore(hunks: readonly DiffHunk[], target: SuspectTarget): ScorePart | null {
  let best: { distance: number; hunk: DiffHunk } | null = null;
  for (const hunk of hunks) {
    const end = hunk.newStart + Math.max(hunk.newLines, 1) - 1;
    const distance =
      target.line < hunk.newStart ? hunk.newStart - target.line : Math.max(0, target.line - end);
    if (
      best === null ||
      distance < best.distance ||
      (distance === best.distance && hunk.newLines < best.hunk.newLines)
    ) {
      best = { distance, hunk };
    }
  }
  if (best === null) return null;
  const { distance, hunk } = best;
  const specificity = Math.sqrt(SPECIFIC_HUNK_LINES / Math.max(SPECIFIC_HUNK_LINES, hunk.newLines));
  const range =
    hunk.newLines > 1 ? `${hunk.newStart}–${hunk.newStart + hunk.newLines - 1}` : `${hunk.newStart}`;
  const where =
    distance === 0
      ? 'at the crashing line'
      : `${distance} line${distance === 1 ? '' : 's'} from the crashing line`;
  const size = specificity < 1 ? ` (a ${hunk.newLines}-line change)` : '';
  return {
    distance,
    value: ((WEIGHTS.hunk * target.weight) / (1 + distance / 3)) * specificity,
    reason: `changed ${target.repoPath} line${hunk.newLines > 1 ? 's' : ''} ${range}${size}, ${where} ${target.line}`,
  };
}

/** Recent commits before the first event are likelier causes; commits after it are not causes at all. */
export function recencyScore(
  landedAt: Date,
  firstSeen: Date,
  halfLifeDays: number,
): ScorePart & { after: boolean } {
  const ageMs = firstSeen.getTime() - landedAt.getTime();
  if (ageMs < 0) {
    return {
      value: 0,
      after: true,
      reason: `landed ${formatAge(-ageMs)} after the issue was first seen, so it cannot have caused it`,
    };
  }
  return {
    value: WEIGHTS.recency * 0.5 ** (ageMs / DAY_MS / halfLifeDays),
    after: false,
    reason: `landed ${formatAge(ageMs)} before the issue was first seen`,
  };
}

function formatAge(ms: number): string {
  const hours = ms / 3_600_000;
  if (hours < 48) return `${Math.max(1, Math.round(hours))} hour${Math.round(hours) === 1 ? '' : 's'}`;
  return `${Math.round(hours / 24)} days`;
}
