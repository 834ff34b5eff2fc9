import type { StackFrameJson } from '../api/types.ts';

export interface Frame {
  filename: string;
  function: string | null;
  module: string | null;
  lineNo: number | null;
  colNo: number | null;
  inApp: boolean;
  /** `[lineNo, source]` around the frame's line. */
  context: [number, string][];
  vars: Record<string, unknown> | null;
}

/**
 * One frame in one shape, whether the server sent Sentry's API form (camelCase, `context` pairs) or the
 * event form (snake_case, pre_context/context_line/post_context).
 */
export function normalizeFrame(frame: StackFrameJson): Frame {
  const lineNo = frame.lineNo ?? frame.lineno ?? null;
  return {
    filename: frame.filename ?? frame.absPath ?? frame.abs_path ?? frame.module ?? '<unknown>',
    function: frame.function ?? null,
    module: frame.module ?? null,
    lineNo,
    colNo: frame.colNo ?? frame.colno ?? null,
    inApp: Boolean(frame.inApp ?? frame.in_app ?? false),
    context: frame.context ?? contextFromLines(frame, lineNo),
    vars: frame.vars && Object.keys(frame.vars).length > 0 ? frame.vars : null,
  };
}

function contextFromLines(frame: StackFrameJson, lineNo: number | null): [number, string][] {
  if (frame.context_line === undefined || lineNo === null) return [];
  const pre = frame.pre_context ?? [];
  const post = frame.post_context ?? [];
  return [
    ...pre.map((line, i): [number, string] => [lineNo - pre.length + i, line]),
    [lineNo, frame.context_line],
    ...post.map((line, i): [number, string] => [lineNo + 1 + i, line]),
  ];
}

export type FrameGroup =
  | { kind: 'app'; frame: Frame; index: number }
  | { kind: 'system'; frames: { frame: Frame; index: number }[] };

/**
 * Frames newest first (the crashing frame on top, as Sentry shows them), with runs of system frames
 * folded into one group. When no frame is in-app every frame is shown as is.
 */
export function groupFrames(frames: Frame[]): FrameGroup[] {
  const newestFirst = frames.map((frame, index) => ({ frame, index })).reverse();
  if (!frames.some((f) => f.inApp))
    return newestFirst.map(({ frame, index }) => ({ kind: 'app', frame, index }));
  const groups: FrameGroup[] = [];
  for (const item of newestFirst) {
    const last = groups[groups.length - 1];
    if (item.frame.inApp) groups.push({ kind: 'app', ...item });
    else if (last?.kind === 'system') last.frames.push(item);
    else groups.push({ kind: 'system', frames: [item] });
  }
  return groups;
}

export function languageOf(filename: string, platform: string | undefined): string {
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  if (ext === 'ts' || ext === 'mts' || ext === 'cts') return 'typescript';
  if (ext === 'tsx') return 'tsx';
  if (ext === 'jsx') return 'jsx';
  if (ext === 'py') return 'python';
  if (ext === 'go') return 'go';
  if (ext === 'rs') return 'rust';
  if (ext === 'js' || ext === 'mjs' || ext === 'cjs') return 'javascript';
  if (platform === 'python') return 'python';
  return 'javascript';
}
