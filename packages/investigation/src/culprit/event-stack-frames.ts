import type { SentryEvent } from '@fixloop/core';

export interface StackFrame {
  /** 0 is the crashing (innermost) frame, counting outwards. */
  depth: number;
  function: string | null;
  module: string | null;
  /** Where the code ran, as the runtime reported it (the minified bundle for browser code). */
  runtimePath: string | null;
  /** The source location's paths, best first: the source-mapped original when there is one. */
  paths: string[];
  lineno: number | null;
  colno: number | null;
  inApp: boolean | null;
  contextLine: string | null;
  /** True when the location comes from source maps rather than from the runtime. */
  symbolicated: boolean;
  platform: string | null;
}

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/**
 * The frames of the event's main (last) exception, else of the crashing thread, else of the bare
 * stacktrace, innermost first. Source-mapped frames use their original location: Sentry's layout
 * (`stacktrace` symbolicated, `raw_stacktrace` or `frame.raw` minified) and a frame's `original`
 * object (symbolicated data attached beside the minified location) are both understood.
 */
export function eventStackFrames(event: SentryEvent): StackFrame[] {
  const { frames, rawFrames } = findStack(event);
  const out: StackFrame[] = [];
  for (let i = frames.length - 1; i >= 0; i--) {
    const frame = frames[i];
    if (isObj(frame)) out.push(toStackFrame(frame, rawFrames?.[i], out.length, str(event.platform)));
  }
  return out;
}

function findStack(event: SentryEvent): { frames: unknown[]; rawFrames?: unknown[] } {
  const values = isObj(event.exception) ? event.exception.values : undefined;
  if (Array.isArray(values)) {
    for (let i = values.length - 1; i >= 0; i--) {
      const value: unknown = values[i];
      const frames = isObj(value) ? framesOf(value.stacktrace) : [];
      if (isObj(value) && frames.length > 0) return { frames, rawFrames: framesOf(value.raw_stacktrace) };
    }
  }
  const threads = isObj(event.threads) ? event.threads.values : undefined;
  if (Array.isArray(threads)) {
    const crashed = threads.find((t) => isObj(t) && t.crashed === true && framesOf(t.stacktrace).length > 0);
    if (isObj(crashed)) return { frames: framesOf(crashed.stacktrace) };
  }
  return { frames: framesOf(event.stacktrace) };
}

function framesOf(stacktrace: unknown): unknown[] {
  return isObj(stacktrace) && Array.isArray(stacktrace.frames) ? stacktrace.frames : [];
}

function toStackFrame(frame: Obj, rawFrame: unknown, depth: number, platform: string | null): StackFrame {
  const original = isObj(frame.original) ? frame.original : null;
  const source = original ?? frame;
  const raw = original ? frame : isObj(frame.raw) ? frame.raw : isObj(rawFrame) ? rawFrame : null;
  const data = isObj(frame.data) ? frame.data : {};
  const paths = [str(source.abs_path), str(source.filename)].filter((p): p is string => p !== null);
  const rawPath = str(raw?.abs_path) ?? str(raw?.filename);
  const symbolicated =
    original !== null ||
    data.symbolicated === true ||
    str(data.sourcemap) !== null ||
    (rawPath !== null && rawPath !== paths[0]);
  return {
    depth,
    function: str(source.function) ?? str(frame.function),
    module: str(source.module) ?? str(frame.module),
    runtimePath: rawPath ?? paths[0] ?? null,
    paths: [...new Set(paths)],
    lineno: num(source.lineno),
    colno: num(source.colno),
    inApp: typeof frame.in_app === 'boolean' ? frame.in_app : null,
    contextLine: str(source.context_line),
    symbolicated,
    platform: str(frame.platform) ?? platform,
  };
}
