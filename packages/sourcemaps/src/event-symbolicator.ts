import { normalizeDebugId } from './debug-id.ts';
import type { OriginalToken, ParsedSourceMap } from './parsed-source-map.ts';
import { SourceMapCache } from './source-map-cache.ts';
import { SourceMapResolver } from './source-map-resolver.ts';
import type { ArtifactLookup, ResolvedWith } from './source-map-resolver.ts';
import { symbolicateFrame } from './symbolicate-frame.ts';
import { stacktraceHolders } from './stacktrace-holders.ts';
import type { Frame, StacktraceHolder } from './stacktrace-holders.ts';

interface FrameMap {
  map: ParsedSourceMap;
  resolvedWith: ResolvedWith;
}

const JS_PLATFORMS = new Set(['javascript', 'node']);

/**
 * Maps the minified JavaScript frames of a raw SDK event through uploaded source maps: first by
 * debug id (`debug_meta.images[type=sourcemap]` whose `code_file` is the frame's `abs_path`), then
 * by release (+ dist) and URL. Symbolicated stack traces replace `stacktrace`; the SDK's originals
 * move to `raw_stacktrace`, as in Sentry. Runs before normalization, so grouping, title and culprit
 * see original frames.
 */
export class EventSymbolicator {
  private readonly resolver: SourceMapResolver;

  constructor(artifacts: ArtifactLookup, cache: SourceMapCache = new SourceMapCache()) {
    this.resolver = new SourceMapResolver(artifacts, cache);
  }

  /** Cheap check on the raw event: JS, with frames, and a debug id image or a release. */
  static isCandidate(event: Record<string, unknown>): boolean {
    if (typeof event['platform'] === 'string' && !JS_PLATFORMS.has(event['platform'])) return false;
    const hasKey = debugImages(event).size > 0 || typeof event['release'] === 'string';
    return hasKey && stacktraceHolders(event).length > 0;
  }

  /** Symbolicates in place; returns how many frames were mapped (0: the event is unchanged). */
  async symbolicate(event: Record<string, unknown>, projectId: number): Promise<number> {
    const images = debugImages(event);
    const release = typeof event['release'] === 'string' && event['release'] !== '' ? event['release'] : null;
    const dist = typeof event['dist'] === 'string' && event['dist'] !== '' ? event['dist'] : null;
    const lookups = new Map<string, Promise<FrameMap | null>>();
    const mapFor = (absPath: string): Promise<FrameMap | null> => {
      let lookup = lookups.get(absPath);
      if (lookup === undefined) {
        lookup = this.lookup(projectId, absPath, images.get(absPath) ?? null, release, dist);
        lookups.set(absPath, lookup);
      }
      return lookup;
    };
    const holders = stacktraceHolders(event);
    const maps = await Promise.all(
      holders.map((h) =>
        Promise.all(h.frames.map((f) => frameKey(f)).map((k) => (k === null ? null : mapFor(k)))),
      ),
    );
    let mapped = 0;
    holders.forEach((holder, i) => {
      mapped += this.apply(holder, maps[i] ?? []);
    });
    addMissingSourceErrors(event, images, await resolvedKeys(lookups));
    return mapped;
  }

  private async lookup(
    projectId: number,
    absPath: string,
    debugId: string | null,
    release: string | null,
    dist: string | null,
  ): Promise<FrameMap | null> {
    if (debugId !== null) {
      const map = await this.resolver.byDebugId(projectId, debugId);
      if (map !== null) return { map, resolvedWith: 'debug-id' };
    }
    if (release === null) return null;
    const map = await this.resolver.byRelease(projectId, release, dist, absPath);
    return map === null ? null : { map, resolvedWith: 'release' };
  }

  private apply(holder: StacktraceHolder, maps: (FrameMap | null)[]): number {
    const { frames } = holder;
    const tokens: (OriginalToken | null)[] = frames.map((frame, i) => {
      const found = maps[i];
      const position = framePosition(frame);
      return found == null || position === null ? null : found.map.lookup(position.line, position.column);
    });
    if (tokens.every((t) => t === null)) return 0;
    const original = structuredClone(holder.stacktrace);
    const symbolicated = frames.map((frame, i) => {
      const token = tokens[i];
      const found = maps[i];
      const absPath = frameKey(frame);
      if (token == null || found == null || absPath === null) return frame;
      const position = framePosition(frame);
      const minifiedName = typeof frame['function'] === 'string' ? frame['function'] : '';
      // Sentry's fallback: the caller's call site names the function it called.
      const functionName =
        (position === null
          ? null
          : found.map.originalFunctionName(position.line, position.column, minifiedName)) ??
        (i > 0 ? (tokens[i - 1]?.name ?? null) : null);
      return symbolicateFrame({
        frame,
        absPath,
        map: found.map,
        token,
        functionName,
        resolvedWith: found.resolvedWith,
      });
    });
    holder.replace({ ...holder.stacktrace, frames: symbolicated }, original);
    return tokens.filter((t) => t !== null).length;
  }
}

/** `code_file` -> debug id of the event's source-map images. */
function debugImages(event: Record<string, unknown>): Map<string, string> {
  const images = new Map<string, string>();
  const meta = event['debug_meta'];
  const list = typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>)['images'] : null;
  if (!Array.isArray(list)) return images;
  for (const image of list) {
    if (typeof image !== 'object' || image === null) continue;
    const { type, code_file: codeFile, debug_id: debugId } = image as Record<string, unknown>;
    const id = normalizeDebugId(debugId);
    if (type === 'sourcemap' && typeof codeFile === 'string' && id !== null) images.set(codeFile, id);
  }
  return images;
}

function frameKey(frame: Frame): string | null {
  const path = typeof frame['abs_path'] === 'string' ? frame['abs_path'] : frame['filename'];
  if (typeof path !== 'string' || path === '' || path.startsWith('node:') || path === '<anonymous>')
    return null;
  return framePosition(frame) === null ? null : path;
}

function framePosition(frame: Frame): { line: number; column: number } | null {
  const line = frame['lineno'];
  const column = frame['colno'];
  if (typeof line !== 'number' || !Number.isInteger(line) || line < 1) return null;
  return { line, column: typeof column === 'number' && column >= 1 ? column : 1 };
}

async function resolvedKeys(lookups: Map<string, Promise<FrameMap | null>>): Promise<Set<string>> {
  const found = new Set<string>();
  for (const [key, lookup] of lookups) if ((await lookup) !== null) found.add(key);
  return found;
}

/** Frames with a debug id but no uploaded map get Sentry's `js_no_source` processing error. */
function addMissingSourceErrors(
  event: Record<string, unknown>,
  images: Map<string, string>,
  found: Set<string>,
): void {
  const missing = [...images.keys()].filter((codeFile) => !found.has(codeFile));
  if (missing.length === 0) return;
  const errors = Array.isArray(event['errors']) ? event['errors'] : [];
  const framesUsing = new Set(stacktraceHolders(event).flatMap((h) => h.frames.map(frameKey)));
  for (const url of missing) if (framesUsing.has(url)) errors.push({ type: 'js_no_source', url });
  if (errors.length > 0) event['errors'] = errors;
}
