/** Sentry shows five lines around the frame's line. */
export const CONTEXT_LINES = 5;
/** Longer lines are cut around the column, as Sentry's `trim_line` does. */
const MAX_LINE = 140;

export interface FrameContext {
  pre_context: string[];
  context_line: string;
  post_context: string[];
}

export function trimLine(line: string, column = 0): string {
  if (line.length <= MAX_LINE) return line;
  const start = Math.max(0, Math.min(column - 60, line.length - MAX_LINE));
  const end = Math.min(line.length, start + MAX_LINE);
  return `${start > 0 ? '{snip} ' : ''}${line.slice(start, end)}${end < line.length ? ' {snip}' : ''}`;
}

/** Context around a 1-based line, or null when the line is outside the source. */
export function contextAround(lines: readonly string[], lineno: number, colno: number): FrameContext | null {
  const index = lineno - 1;
  const line = lines[index];
  if (line === undefined) return null;
  return {
    pre_context: lines.slice(Math.max(0, index - CONTEXT_LINES), index).map((l) => trimLine(l)),
    context_line: trimLine(line, colno),
    post_context: lines.slice(index + 1, index + 1 + CONTEXT_LINES).map((l) => trimLine(l)),
  };
}
