const SOURCE_MAPPING_URL = /\/\/[#@]\s*sourceMappingURL=(\S+)\s*$/gm;
const DEBUG_ID_COMMENT = /\/\/#\s*debugId=([0-9a-fA-F-]{32,36})/;

/** Only the tail of a minified file is scanned: the comment is its last line by convention. */
const TAIL_BYTES = 16 * 1024;

/**
 * Where a minified file says its source map is: the `Sourcemap`/`X-SourceMap` header sentry-cli
 * stores, else the last `//# sourceMappingURL=` comment.
 */
export function sourceMapReference(
  headers: Readonly<Record<string, string>>,
  content: string | null,
): string | null {
  const header = headers['sourcemap'] ?? headers['x-sourcemap'];
  if (header !== undefined && header !== '') return header;
  if (content === null) return null;
  let last: string | null = null;
  for (const match of content.slice(-TAIL_BYTES).matchAll(SOURCE_MAPPING_URL)) last = match[1] ?? null;
  return last;
}

/** The `//# debugId=` comment that `sentry-cli sourcemaps inject` appends. */
export function debugIdComment(content: string): string | null {
  return DEBUG_ID_COMMENT.exec(content.slice(-TAIL_BYTES))?.[1] ?? null;
}

/** An inline `data:application/json;base64,…` source map, decoded; null for any other reference. */
export function decodeDataUrl(reference: string): string | null {
  const match = /^data:[^,]*?(;base64)?,(.*)$/s.exec(reference);
  if (match === null) return null;
  const payload = match[2] ?? '';
  try {
    return match[1] === undefined
      ? decodeURIComponent(payload)
      : Buffer.from(payload, 'base64').toString('utf8');
  } catch {
    return null;
  }
}
