import { contextAround } from './context-lines.ts';
import type { OriginalToken, ParsedSourceMap } from './parsed-source-map.ts';
import { displayFilename, resolveUrl } from './release-file-urls.ts';
import type { ResolvedWith } from './source-map-resolver.ts';

type Frame = Record<string, unknown>;

export interface MappedFrameInput {
  frame: Frame;
  /** The frame's minified file, which `sources` entries are relative to. */
  absPath: string;
  map: ParsedSourceMap;
  token: OriginalToken;
  /** The original name of the function the frame is in, when known. */
  functionName: string | null;
  resolvedWith: ResolvedWith;
}

const VENDOR_PATH = /(^|\/)node_modules\/|^webpack:\/\/\/?~\/|\/~\//;

/**
 * The symbolicated copy of a frame: original file (abs_path resolved against the minified file,
 * filename as Sentry shows it), line, column, function and context lines. `data` records which map
 * was used, like Sentry's `data.sourcemap` and `data.resolved_with`.
 */
export function symbolicateFrame(input: MappedFrameInput): Frame {
  const { frame, token, map } = input;
  const sourceUrl = resolveUrl(input.absPath, token.source);
  const out: Frame = {
    ...frame,
    abs_path: sourceUrl,
    filename: displayFilename(sourceUrl),
    lineno: token.line,
    colno: token.column,
    data: {
      ...(isRecord(frame['data']) ? frame['data'] : {}),
      sourcemap: map.url,
      resolved_with: input.resolvedWith,
      symbolicated: true,
    },
  };
  // The SDK's module was derived from the bundle's path; grouping should not see it.
  delete out['module'];
  if (input.functionName !== null) out['function'] = input.functionName;
  const lines = map.sourceLines(token.source);
  const context = lines === null ? null : contextAround(lines, token.line, token.column);
  if (context !== null) Object.assign(out, context);
  else for (const key of ['pre_context', 'context_line', 'post_context']) delete out[key];
  if (VENDOR_PATH.test(sourceUrl)) out['in_app'] = false;
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
