import type { SearchValue } from './search-query-ast.ts';

/** Thrown inside the parser only; `parseSearchQuery` turns it into a result value. */
export class SearchSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

const SPACE = /\s/;

/** Reads quoted strings, bare words and list items of a search query, keeping track of wildcards. */
export class SearchScanner {
  pos = 0;

  constructor(readonly input: string) {}

  /** Skips whitespace; false at the end of the input. */
  skipSpaces(): boolean {
    while (this.pos < this.input.length && SPACE.test(this.input[this.pos] ?? '')) this.pos += 1;
    return this.pos < this.input.length;
  }

  peek(offset = 0): string {
    return this.input[this.pos + offset] ?? '';
  }

  atBoundary(): boolean {
    return this.pos >= this.input.length || SPACE.test(this.peek());
  }

  /** Matches a sticky regex at the current position and consumes it. */
  take(pattern: RegExp): RegExpExecArray | null {
    pattern.lastIndex = this.pos;
    const match = pattern.exec(this.input);
    if (match !== null) this.pos = pattern.lastIndex;
    return match;
  }

  /** `"…"` with `\"`, `\\` and `\*` escapes; the opening quote is at the current position. */
  readQuoted(): SearchValue {
    const start = this.pos;
    this.pos += 1;
    let text = '';
    const wildcards: number[] = [];
    while (this.pos < this.input.length) {
      const ch = this.peek();
      if (ch === '"') {
        this.pos += 1;
        return { text, quoted: true, wildcards };
      }
      if (ch === '\\' && ['"', '\\', '*'].includes(this.peek(1))) {
        text += this.peek(1);
        this.pos += 2;
        continue;
      }
      if (ch === '*') wildcards.push(text.length);
      text += ch;
      this.pos += 1;
    }
    throw new SearchSyntaxError('Unterminated quoted value: a closing " is missing', start);
  }

  /** A bare value up to whitespace (and, inside a list, up to `,` or `]`). `\*` is a literal star. */
  readBare(inList = false): SearchValue {
    let text = '';
    const wildcards: number[] = [];
    while (this.pos < this.input.length && !SPACE.test(this.peek())) {
      const ch = this.peek();
      if (inList && (ch === ',' || ch === ']')) break;
      if (ch === '\\' && this.peek(1) === '*') {
        text += '*';
        this.pos += 2;
        continue;
      }
      if (ch === '*') wildcards.push(text.length);
      text += ch;
      this.pos += 1;
    }
    return { text, quoted: false, wildcards };
  }
}
