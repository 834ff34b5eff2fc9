import type { CodeMapper, FrameMapping } from '../code-mapping/code-mapper.ts';
import type { StackFrame } from './event-stack-frames.ts';
import { checkFrameLine, type LineCheck } from './frame-line-check.ts';

export interface CulpritFrame {
  depth: number;
  function: string | null;
  runtimePath: string | null;
  repoPath: string;
  mapping: FrameMapping;
  /** The crashing line in the repository file at the investigated commit. */
  line: number;
  /** The line number the event reported. */
  reportedLine: number;
  lineCheck: LineCheck;
  /** The line and its surroundings at the investigated commit. */
  code: { startLine: number; lines: string[] };
  symbolicated: boolean;
  inApp: boolean | null;
}

export interface CulpritFrameOptions {
  /** In-app frames to keep, innermost first. */
  maxFrames: number;
  /** Lines of code shown before and after the crashing line. */
  contextLines: number;
}

/**
 * The in-app frames that map to repository files, innermost first, each with its exact line (checked
 * against the event's context line) and the code around it. Frames the SDK marked as not in-app, or
 * without a line number, are left out; so are frames whose file cannot be read.
 */
export async function locateCulpritFrames(
  frames: readonly StackFrame[],
  mapper: CodeMapper,
  readFile: (repoPath: string) => Promise<string | null>,
  options: CulpritFrameOptions,
): Promise<CulpritFrame[]> {
  const out: CulpritFrame[] = [];
  const files = new Map<string, Promise<string | null>>();
  for (const frame of frames) {
    if (out.length >= options.maxFrames) break;
    if (frame.inApp === false || frame.lineno === null) continue;
    const mapping = mapper.map(frame);
    if (!mapping) continue;
    if (!files.has(mapping.repoPath)) files.set(mapping.repoPath, readFile(mapping.repoPath));
    const text = await files.get(mapping.repoPath);
    if (text === null || text === undefined) continue;
    out.push(toCulpritFrame(frame, frame.lineno, mapping, text.split('\n'), options.contextLines));
  }
  return out;
}

function toCulpritFrame(
  frame: StackFrame,
  reportedLine: number,
  mapping: FrameMapping,
  lines: string[],
  contextLines: number,
): CulpritFrame {
  const { line, check } = checkFrameLine(lines, reportedLine, frame.contextLine);
  const start = Math.max(1, line - contextLines);
  const end = Math.min(lines.length, line + contextLines);
  return {
    depth: frame.depth,
    function: frame.function,
    runtimePath: frame.runtimePath,
    repoPath: mapping.repoPath,
    mapping,
    line,
    reportedLine,
    lineCheck: check,
    code: { startLine: start, lines: lines.slice(start - 1, end) },
    symbolicated: frame.symbolicated,
    inApp: frame.inApp,
  };
}
