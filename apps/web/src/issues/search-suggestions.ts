import { SEARCH_KEYS } from './search-keys.ts';
import { tokenAtCaret } from './search-query.ts';

export interface Suggestion {
  /** What replaces the token under the caret. */
  insert: string;
  label: string;
  description?: string;
  /** A key suggestion keeps the list open for its values. */
  kind: 'key' | 'value';
}

/** Keys matching what is typed, or, after `key:`, that key's known values. */
export function searchSuggestions(query: string, caret: number): Suggestion[] {
  const token = tokenAtCaret(query, caret).text;
  const negated = token.startsWith('!');
  const bare = negated ? token.slice(1) : token;
  const colon = bare.indexOf(':');
  const prefix = negated ? '!' : '';
  if (colon >= 0) {
    const key = bare.slice(0, colon);
    const typed = bare.slice(colon + 1).toLowerCase();
    const values = SEARCH_KEYS.find((k) => k.key === key)?.values ?? [];
    return values
      .filter((v) => v.toLowerCase().startsWith(typed) && v.toLowerCase() !== typed)
      .map((v) => ({ insert: `${prefix}${key}:${v}`, label: `${key}:${v}`, kind: 'value' }));
  }
  const typed = bare.toLowerCase();
  return SEARCH_KEYS.filter((k) => k.key.toLowerCase().startsWith(typed))
    .slice(0, 8)
    .map((k) => ({
      insert: `${prefix}${k.key}:`,
      label: `${k.key}:`,
      description: k.description,
      kind: 'key',
    }));
}

/** Puts a suggestion in place of the token under the caret; returns the new query and caret. */
export function applySuggestion(
  query: string,
  caret: number,
  suggestion: Suggestion,
): { query: string; caret: number } {
  const token = tokenAtCaret(query, caret);
  const tail = query.slice(token.end);
  const insert =
    suggestion.kind === 'value' && !tail.startsWith(' ') ? `${suggestion.insert} ` : suggestion.insert;
  const next = query.slice(0, token.start) + insert + tail;
  return { query: next, caret: token.start + insert.length };
}
