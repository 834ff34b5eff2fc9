/** How a parameter is passed: before `/`, plain, `*args`, after `*` / `*args`, `**kwargs`. */
export type PythonParameterKind = 'positional' | 'normal' | 'varargs' | 'keyword' | 'varkw';

export interface PythonSignature {
  /** `async def`: calling it only makes a coroutine, which the test must run. */
  async: boolean;
  /** Without self and cls. */
  parameters: Array<{ name: string; kind: PythonParameterKind }>;
}

/** The signature of a top-level `def name(…)` (not a method: those are indented), or null if none. */
export function moduleLevelSignature(text: string, name: string): PythonSignature | null {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const start = new RegExp(`^(async\\s+)?def\\s+${escaped}\\s*\\(`, 'm').exec(text);
  if (!start) return null;
  const parts = splitParameters(text, start.index + start[0].length)
    .map((part) => part.split(/[:=]/)[0]?.trim() ?? '')
    .filter((part) => part !== '');
  return { async: start[1] !== undefined, parameters: classify(parts) };
}

function classify(parts: string[]): PythonSignature['parameters'] {
  const slash = parts.indexOf('/');
  let keywordOnly = false;
  const parameters: PythonSignature['parameters'] = [];
  parts.forEach((part, index) => {
    if (part === '/') return;
    if (part === '*') {
      keywordOnly = true;
      return;
    }
    if (part.startsWith('**')) return parameters.push({ name: part.slice(2).trim(), kind: 'varkw' });
    if (part.startsWith('*')) {
      keywordOnly = true;
      return parameters.push({ name: part.slice(1).trim(), kind: 'varargs' });
    }
    const kind = index < slash ? 'positional' : keywordOnly ? 'keyword' : 'normal';
    parameters.push({ name: part, kind });
  });
  return parameters.filter((p, i) => i > 0 || (p.name !== 'self' && p.name !== 'cls'));
}

/**
 * The parameter list from `from` (just after the `(`) to its closing `)`, split at commas outside
 * brackets, string literals and comments (a default may be `", "`, `")"` or `{"a": 1}`).
 */
function splitParameters(text: string, from: number): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = '';
  for (let i = from; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (!quote && ch === '#') {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      continue;
    }
    if (!quote && depth === 0 && (ch === ',' || ch === ')')) {
      parts.push(current);
      current = '';
      if (ch === ')') break;
      continue;
    }
    current += ch;
    if (quote && ch === '\\') current += text[++i] ?? '';
    else if (quote) quote = ch === quote ? null : quote;
    else if (ch === '"' || ch === "'") quote = ch;
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
  }
  return parts;
}
