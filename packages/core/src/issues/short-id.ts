/** `PROJ-12`: the project slug upper-cased and the per-project number. */
export function formatShortId(projectSlug: string, shortId: number): string {
  return `${projectSlug.toUpperCase()}-${shortId}`;
}

/** Splits `PROJ-12` (any case) into the slug part and the number; null when it is not a short id. */
export function parseShortId(text: string): { projectSlug: string; shortId: number } | null {
  const match = /^([A-Za-z0-9][A-Za-z0-9_-]*)-(\d{1,15})$/.exec(text.trim());
  if (match === null) return null;
  return { projectSlug: (match[1] ?? '').toLowerCase(), shortId: Number(match[2]) };
}
