/**
 * verified: the file's line equals the event's context line; adjusted: it was found nearby (the code
 * moved since the release); mismatch: not found; unverified: the event sent no context line.
 */
export type LineCheck = 'verified' | 'adjusted' | 'mismatch' | 'unverified';

const SEARCH_RADIUS = 40;

/** Where the reported line is in this version of the file, using the event's context line when present. */
export function checkFrameLine(
  lines: readonly string[],
  reportedLine: number,
  contextLine: string | null,
): { line: number; check: LineCheck } {
  const clamped = Math.min(Math.max(1, reportedLine), Math.max(1, lines.length));
  const wanted = contextLine?.trim();
  if (!wanted) return { line: clamped, check: 'unverified' };
  if (lines[reportedLine - 1]?.trim() === wanted) return { line: reportedLine, check: 'verified' };
  for (let distance = 1; distance <= SEARCH_RADIUS; distance++) {
    for (const candidate of [reportedLine - distance, reportedLine + distance]) {
      if (lines[candidate - 1]?.trim() === wanted) return { line: candidate, check: 'adjusted' };
    }
  }
  return { line: clamped, check: 'mismatch' };
}
