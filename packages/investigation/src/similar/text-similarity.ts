/**
 * Issue text with its volatile parts replaced (ids, numbers, quoted values, hex, URLs), split into
 * lowercase words, camelCase and snake_case included: "Cannot read 'price' of undefined (id 42)" and
 * "Cannot read 'total' of undefined (id 7)" become the same words.
 */
export function normalizeIssueText(text: string): string {
  return text
    .replace(/https?:\/\/\S+/g, ' url ')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, ' uuid ')
    .replace(/'[^']*'|"[^"]*"|`[^`]*`/g, ' str ')
    .replace(/\b0x[0-9a-f]+\b|\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,}\b/gi, ' hex ')
    .replace(/\d+/g, ' num ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

export function wordSet(normalized: string): Set<string> {
  return new Set(normalized.split(' ').filter((w) => w.length > 0));
}

export function trigramSet(normalized: string): Set<string> {
  const padded = `  ${normalized} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}

/** 0–1: the mean of word and character-trigram Jaccard similarity of the normalized texts. */
export function textSimilarity(a: string, b: string): number {
  const [x, y] = [normalizeIssueText(a), normalizeIssueText(b)];
  if (x === '' || y === '') return 0;
  if (x === y) return 1;
  return (jaccard(wordSet(x), wordSet(y)) + jaccard(trigramSet(x), trigramSet(y))) / 2;
}
