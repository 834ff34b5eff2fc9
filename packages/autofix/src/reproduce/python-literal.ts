/**
 * A Python expression for a value captured by sentry-python. Its serializer sends containers as JSON
 * and leaves as `repr()` strings, and past its depth limit (four levels below a frame variable) whole
 * containers as one repr string such as "{'lat': 1.5}". A repr is used verbatim when it is a literal
 * display of literals (valid source that rebuilds the value); anything else (`<Foo object at …>`, a
 * repr cut at the length limit, a scrubbed "[Filtered]") becomes None.
 */
export function pythonLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'None';
  if (typeof value === 'string') return NON_FINITE[value] ?? (isPythonLiteral(value) ? value : 'None');
  if (Array.isArray(value)) return `[${value.map(pythonLiteral).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).map(
      ([key, item]) => `${JSON.stringify(key)}: ${pythonLiteral(item)}`,
    );
    return `{${entries.join(', ')}}`;
  }
  return 'None';
}

const NON_FINITE: Record<string, string> = {
  inf: 'float("inf")',
  '-inf': 'float("-inf")',
  nan: 'float("nan")',
};

type Token = { kind: 'atom' | 'string' | 'punct'; text: string };

const TOKEN =
  /\s*(?:(b?(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"))|(-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|None|True|False)(?![\w.])|([[\](){},:]))/y;

/** True when `repr` is a number, None, a boolean, a string or bytes, or a list/tuple/dict/set of those. */
export function isPythonLiteral(repr: string): boolean {
  const tokens = tokenize(repr);
  if (!tokens || tokens.length === 0) return false;
  const end = parseValue(tokens, 0);
  return end === tokens.length;
}

function tokenize(text: string): Token[] | null {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const match = TOKEN.exec(text);
    if (!match) return null;
    const [, string, atom, punct] = match;
    if (string !== undefined) tokens.push({ kind: 'string', text: string });
    else if (atom !== undefined) tokens.push({ kind: 'atom', text: atom });
    else tokens.push({ kind: 'punct', text: punct ?? '' });
  }
  return tokens;
}

const CLOSING: Record<string, string> = { '[': ']', '(': ')', '{': '}' };

/** The index after the value starting at `at`, or -1 when no literal value starts there. */
function parseValue(tokens: Token[], at: number): number {
  const token = tokens[at];
  if (!token) return -1;
  if (token.kind === 'atom') return at + 1;
  if (token.kind === 'string') {
    let next = at + 1;
    while (tokens[next]?.kind === 'string') next++; // adjacent literals concatenate
    return next;
  }
  const close = CLOSING[token.text];
  return close ? parseItems(tokens, at + 1, close, token.text === '{') : -1;
}

/** Comma-separated items up to `close`; in braces either all `key: value` pairs or all plain items. */
function parseItems(tokens: Token[], at: number, close: string, braces: boolean): number {
  let index = at;
  let pairs: boolean | null = null;
  while (tokens[index]?.text !== close) {
    index = parseValue(tokens, index);
    if (index < 0) return -1;
    const isPair = braces && tokens[index]?.text === ':';
    if (pairs !== null && pairs !== isPair) return -1;
    pairs = isPair;
    if (isPair) index = parseValue(tokens, index + 1);
    if (index < 0) return -1;
    if (tokens[index]?.text === ',') index++;
    else if (tokens[index]?.text !== close) return -1;
  }
  return index + 1;
}
