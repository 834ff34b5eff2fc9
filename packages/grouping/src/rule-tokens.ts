/**
 * Tokenizer shared by the stack-trace rule and fingerprint rule parsers: words may contain quoted
 * parts (`function:"a b"`), and `[`, `]`, `|` stand alone. `#` starts a comment outside quotes.
 */
export function tokenizeRuleLine(line: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < line.length) {
    const char = line[i] as string;
    if (/\s/.test(char)) {
      i++;
    } else if (char === '#') {
      break;
    } else if (char === '[' || char === ']' || char === '|') {
      tokens.push(char);
      i++;
    } else {
      let word = '';
      while (i < line.length) {
        const c = line[i] as string;
        if (/\s/.test(c) || c === ']' || c === '|' || (c === '#' && word === '')) break;
        if (c === '"') {
          const end = closingQuote(line, i);
          word += line.slice(i, end + 1);
          i = end + 1;
        } else {
          word += c;
          i++;
        }
      }
      tokens.push(word);
    }
  }
  return tokens;
}

function closingQuote(line: string, start: number): number {
  for (let j = start + 1; j < line.length; j++) {
    if (line[j] === '\\') j++;
    else if (line[j] === '"') return j;
  }
  return line.length - 1;
}

/** Removes surrounding quotes and backslash escapes. */
export function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return value;
}
