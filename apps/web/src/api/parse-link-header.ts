export interface LinkCursors {
  next: string | null;
  previous: string | null;
}

/**
 * Reads Sentry's pagination header. Both links are always present; a cursor counts only when its
 * `results="true"` (docs.sentry.io/api/pagination).
 */
export function parseLinkHeader(header: string | null): LinkCursors {
  const cursors: LinkCursors = { next: null, previous: null };
  if (!header) return cursors;
  for (const part of header.split(/,\s*(?=<)/)) {
    const rel = /rel="([^"]+)"/.exec(part)?.[1];
    const results = /results="([^"]+)"/.exec(part)?.[1];
    const cursor = /cursor="([^"]+)"/.exec(part)?.[1] ?? cursorFromUrl(part);
    if ((rel === 'next' || rel === 'previous') && results === 'true' && cursor) cursors[rel] = cursor;
  }
  return cursors;
}

function cursorFromUrl(part: string): string | undefined {
  const url = /<([^>]+)>/.exec(part)?.[1];
  if (!url) return undefined;
  try {
    return new URL(url, 'http://localhost').searchParams.get('cursor') ?? undefined;
  } catch {
    return undefined;
  }
}
