import { SourceMapConsumer } from 'source-map';

export interface OriginalToken {
  /** The map's `sources` entry (sourceRoot applied), not yet resolved against any URL. */
  source: string;
  /** 1-based, like frames. */
  line: number;
  /** 1-based, like frames. */
  column: number;
  /** The original identifier at this position (the map's `names`), if any. */
  name: string | null;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** How far back the scope search walks from a frame, in occurrences of the minified name. */
const MAX_OCCURRENCES = 2_000;

/**
 * A parsed source map (Mozilla's `source-map`, WASM-backed) plus the minified file it belongs to,
 * with the lazily built indexes symbolication needs. Call `destroy()` when dropping it: the parsed
 * mappings live in WASM memory.
 */
export class ParsedSourceMap {
  private namedMappings: Map<number, Map<number, string>> | null = null;
  private lineStarts: number[] | null = null;
  private readonly sourceLineCache = new Map<string, string[] | null>();

  private constructor(
    private readonly consumer: SourceMapConsumer,
    private readonly minified: string | null,
    /** Where the map was found (an upload URL such as `~/static/app.js.map`, or `data:`). */
    readonly url: string,
    /** Bytes of map and minified source: what the cache budgets. */
    readonly size: number,
  ) {}

  /** Null when the text is not a usable source map. */
  static async parse(
    mapText: string,
    minifiedSource: string | null,
    url: string,
  ): Promise<ParsedSourceMap | null> {
    try {
      const consumer = await new SourceMapConsumer(mapText);
      const size = mapText.length + (minifiedSource?.length ?? 0);
      return new ParsedSourceMap(consumer, minifiedSource, url, size);
    } catch {
      return null;
    }
  }

  /** The original position of a 1-based generated line and column, or null when unmapped. */
  lookup(line: number, column: number): OriginalToken | null {
    const position = this.consumer.originalPositionFor({ line, column: Math.max(0, column - 1) });
    if (position.source === null || position.line === null) return null;
    return {
      source: position.source,
      line: position.line,
      column: (position.column ?? 0) + 1,
      name: position.name,
    };
  }

  /** The lines of an original source from `sourcesContent`, or null when the map has none. */
  sourceLines(source: string): string[] | null {
    if (!this.sourceLineCache.has(source)) {
      const content = this.consumer.sourceContentFor(source, true);
      this.sourceLineCache.set(source, content === null ? null : content.split(/\r\n|\r|\n/));
    }
    return this.sourceLineCache.get(source) ?? null;
  }

  /**
   * The original name of the function a frame is in, found like Sentry's scope lookup: walk back in
   * the minified source from the frame to where the minified function name is declared, and read
   * the `names` entry mapped there. Declaration-looking occurrences win over plain ones.
   */
  originalFunctionName(line: number, column: number, minifiedName: string): string | null {
    const identifier = minifiedName.split('.').pop() ?? '';
    if (this.minified === null || !IDENTIFIER.test(identifier)) return null;
    const starts = this.lineOffsets();
    const lineStart = starts[line - 1];
    if (lineStart === undefined) return null;
    let fallback: string | null = null;
    let from = lineStart + column - 1;
    for (let i = 0; i < MAX_OCCURRENCES && from >= 0; i++) {
      const at = this.minified.lastIndexOf(identifier, from);
      if (at === -1) break;
      from = at - 1;
      if (!this.isWholeWord(at, identifier.length)) continue;
      const name = this.namedMappingAt(at);
      if (name === null) continue;
      if (this.looksLikeDeclaration(at, identifier.length)) return name;
      fallback ??= name;
    }
    return fallback;
  }

  destroy(): void {
    this.consumer.destroy();
  }

  private isWholeWord(at: number, length: number): boolean {
    const text = this.minified ?? '';
    const before = at === 0 ? '' : (text[at - 1] ?? '');
    const after = text[at + length] ?? '';
    return !/[\w$]/.test(before) && !/[\w$]/.test(after);
  }

  private looksLikeDeclaration(at: number, length: number): boolean {
    const text = this.minified ?? '';
    const before = text.slice(Math.max(0, at - 12), at);
    const after = text.slice(at + length, at + length + 24);
    if (/function\s*\*?\s*$/.test(before)) return true;
    return /^\s*[:=]\s*(async\s*)?(function\b|\([^)]*\)\s*=>|[A-Za-z_$][\w$]*\s*=>)/.test(after);
  }

  private namedMappingAt(offset: number): string | null {
    const starts = this.lineOffsets();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    const column = offset - (starts[low] ?? 0);
    return (
      this.named()
        .get(low + 1)
        ?.get(column) ?? null
    );
  }

  private named(): Map<number, Map<number, string>> {
    if (this.namedMappings === null) {
      const index = new Map<number, Map<number, string>>();
      this.consumer.eachMapping((mapping) => {
        if (!mapping.name) return;
        let line = index.get(mapping.generatedLine);
        if (line === undefined) index.set(mapping.generatedLine, (line = new Map()));
        line.set(mapping.generatedColumn, mapping.name);
      });
      this.namedMappings = index;
    }
    return this.namedMappings;
  }

  private lineOffsets(): number[] {
    if (this.lineStarts === null) {
      const starts = [0];
      const text = this.minified ?? '';
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }
}
