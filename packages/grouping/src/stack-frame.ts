import { asLenientString, asRecord, asString, valuesOf } from './event-shape.ts';

/** A frame copied out of the event, so stack-trace rules can change `in_app`/category safely. */
export interface StackFrame {
  function?: string;
  rawFunction?: string;
  module?: string;
  filename?: string;
  absPath?: string;
  package?: string;
  platform?: string;
  lineno?: number;
  colno?: number;
  contextLine?: string;
  inApp: boolean | undefined;
  /** The SDK set `in_app` itself. */
  clientInApp: boolean;
  category?: string;
  sourcemap: boolean;
  /** Lazily cached normalized values for rule matching. */
  matchPath?: string;
  matchFilename?: string;
  matchPackage?: string;
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

function readFrame(raw: unknown): StackFrame | undefined {
  const record = asRecord(raw);
  if (!record) return undefined;
  const data = asRecord(record.data);
  const frame: StackFrame = {
    inApp: typeof record.in_app === 'boolean' ? record.in_app : undefined,
    clientInApp: typeof record.in_app === 'boolean',
    sourcemap: data?.sourcemap !== undefined && data.sourcemap !== null,
  };
  const fields = [
    ['function', 'function'],
    ['rawFunction', 'raw_function'],
    ['module', 'module'],
    ['filename', 'filename'],
    ['absPath', 'abs_path'],
    ['package', 'package'],
    ['platform', 'platform'],
    ['contextLine', 'context_line'],
  ] as const;
  for (const [key, source] of fields) {
    const value = asLenientString(record[source]);
    if (value !== undefined && value !== '') frame[key] = value;
  }
  if (typeof record.lineno === 'number') frame.lineno = record.lineno;
  if (typeof record.colno === 'number') frame.colno = record.colno;
  const category = asString(data?.category);
  if (category) frame.category = category;
  // Relay fills a missing filename from abs_path (the path part for URLs).
  if (frame.filename === undefined && frame.absPath !== undefined) {
    frame.filename = URL_PREFIX.test(frame.absPath) ? urlPath(frame.absPath) : frame.absPath;
  }
  return frame;
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
