// Sentry's search syntax (docs.sentry.io/concepts/search): `key:value` tokens AND-ed, `!key:value`
// negates, values may be quoted (`key:"a b"`) or lists (`key:[a,b]`); anything else is free text.

export type QueryToken =
  | { type: 'filter'; key: string; value: string; negated: boolean; start: number; end: number }
  | { type: 'text'; value: string; start: number; end: number };

const FILTER = /^(!?)([A-Za-z_][\w.-]*):(.*)$/s;

/** Splits on whitespace outside quotes and brackets, keeping each token's position. */
function splitTokens(query: string): { text: string; start: number; end: number }[] {
  const tokens: { text: string; start: number; end: number }[] = [];
  let start = -1;
  let quoted = false;
  let depth = 0;
  for (let i = 0; i <= query.length; i++) {
    const char = query[i];
    const boundary = char === undefined || (/\s/.test(char) && !quoted && depth === 0);
    if (boundary) {
      if (start >= 0) tokens.push({ text: query.slice(start, i), start, end: i });
      start = -1;
      continue;
    }
    if (start < 0) start = i;
    if (char === '"') quoted = !quoted;
    else if (char === '[' && !quoted) depth++;
    else if (char === ']' && !quoted && depth > 0) depth--;
  }
  return tokens;
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

export function parseQuery(query: string): QueryToken[] {
  return splitTokens(query).map(({ text, start, end }) => {
    const match = FILTER.exec(text);
    if (match && match[3] !== undefined) {
      return {
        type: 'filter',
        key: match[2] ?? '',
        value: unquote(match[3]),
        negated: match[1] === '!',
        start,
        end,
      };
    }
    return { type: 'text', value: unquote(text), start, end };
  });
}

export function quoteValue(value: string): string {
  if (value.startsWith('[') && value.endsWith(']')) return value;
  return /[\s"]/.test(value) ? `"${value.replace(/"/g, '\\"')}"` : value;
}

export function formatToken(token: QueryToken): string {
  if (token.type === 'text') return quoteValue(token.value);
  return `${token.negated ? '!' : ''}${token.key}:${quoteValue(token.value)}`;
}

/** The value of the first non-negated `key:` token, or null. */
export function getFilter(query: string, key: string): string | null {
  for (const token of parseQuery(query)) {
    if (token.type === 'filter' && token.key === key && !token.negated) return token.value;
  }
  return null;
}

/** Replaces (or appends, or with null removes) the `key:` filter, leaving every other token as typed. */
export function setFilter(query: string, key: string, value: string | null): string {
  const tokens = parseQuery(query);
  const parts: string[] = [];
  let placed = false;
  for (const token of tokens) {
    const matches = token.type === 'filter' && token.key === key && !token.negated;
    if (!matches) {
      parts.push(query.slice(token.start, token.end));
      continue;
    }
    if (!placed && value !== null) parts.push(`${key}:${quoteValue(value)}`);
    placed = true;
  }
  if (!placed && value !== null) parts.push(`${key}:${quoteValue(value)}`);
  return parts.join(' ');
}

/** The token the caret is in (or right after), for autocomplete. */
export function tokenAtCaret(query: string, caret: number): { text: string; start: number; end: number } {
  for (const token of splitTokens(query)) {
    if (caret >= token.start && caret <= token.end) return token;
  }
  return { text: '', start: caret, end: caret };
}
