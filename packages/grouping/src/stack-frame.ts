import { asLenientString, asRecord, asString, valuesOf } from './event-shape.ts';

/** A frame copied out of the event, so stack-trace rules can change `in_app`/category safely. */
export interface StackFrame {
  function: string | undefined;
  rawFunction: string | undefined;
  module: string | undefined;
  filename: string | undefined;
  absPath: string | undefined;
  package: string | undefined;
  platform: string | undefined;
  lineno: number | undefined;
  colno: number | undefined;
  contextLine: string | undefined;
  inApp: boolean | undefined;
  /** The SDK set `in_app` itself. */
  clientInApp: boolean;
  category: string | undefined;
  sourcemap: boolean;
  /** Lazily cached normalized values for rule matching. */
  matchPath: string | undefined;
  matchFilename: string | undefined;
  matchPackage: string | undefined;
  /** Lazily cached outcome of each rule's own matchers (see frame-rule-matches.ts). */
  ruleMatches: RuleMatches | undefined;
}

export interface RuleMatches {
  rules: readonly unknown[];
  family: string;
  matches: Uint8Array;
}

const URL_PREFIX = /^(?:file|http|https|applewebdata):/;

/** Sentry's `Frame.is_url()`. */
export function isUrlFrame(frame: StackFrame): boolean {
  const path = frame.absPath;
  if (!path) return false;
  return path.startsWith('blob:') || URL_PREFIX.test(path);
}

function urlPath(url: string): string {
  const match = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*([^?#]*)/.exec(url);
  return match && match[1] ? match[1] : url;
}

/** Relay's lenient strings, with empty strings treated as missing. */
function text(value: unknown): string | undefined {
  const result = asLenientString(value);
  return result === '' ? undefined : result;
}

/** Every field is always present (possibly undefined) so all frames share one object shape. */
function readFrame(raw: unknown): StackFrame | undefined {
  const record = asRecord(raw);
  if (!record) return undefined;
  const data = asRecord(record.data);
  const inApp = typeof record.in_app === 'boolean' ? record.in_app : undefined;
  const absPath = text(record.abs_path);
  let filename = text(record.filename);
  // Relay fills a missing filename from abs_path (the path part for URLs).
  if (filename === undefined && absPath !== undefined) {
    filename = URL_PREFIX.test(absPath) ? urlPath(absPath) : absPath;
  }
  return {
    function: text(record.function),
    rawFunction: text(record.raw_function),
    module: text(record.module),
    filename,
    absPath,
    package: text(record.package),
    platform: text(record.platform),
    lineno: typeof record.lineno === 'number' ? record.lineno : undefined,
    colno: typeof record.colno === 'number' ? record.colno : undefined,
    contextLine: text(record.context_line),
    inApp,
    clientInApp: inApp !== undefined,
    category: asString(data?.category) || undefined,
    sourcemap: data?.sourcemap !== undefined && data.sourcemap !== null,
    matchPath: undefined,
    matchFilename: undefined,
    matchPackage: undefined,
    ruleMatches: undefined,
  };
}

/** Frames of a stacktrace value (`{frames}` or a bare list); null when there is no stacktrace at all. */
export function readFrames(stacktrace: unknown): StackFrame[] | null {
  if (stacktrace === null || stacktrace === undefined) return null;
  const rawFrames = Array.isArray(stacktrace) ? stacktrace : asRecord(stacktrace)?.frames;
  if (!Array.isArray(rawFrames) && !asRecord(stacktrace)) return null;
  const frames: StackFrame[] = [];
  for (const raw of valuesOf(rawFrames ?? [])) {
    const frame = readFrame(raw);
    if (frame) frames.push(frame);
  }
  return frames;
}
