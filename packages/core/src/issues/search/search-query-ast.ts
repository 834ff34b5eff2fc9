/** Comparison written after `key:`; `=` when none was written. */
export type SearchComparison = '=' | '>' | '<' | '>=' | '<=';

/** One value as written, unescaped; `*` is a wildcard unless it was escaped as `\*`. */
export interface SearchValue {
  text: string;
  quoted: boolean;
  /** Offsets of `*` characters in `text` that are wildcards (escaped stars are literal). */
  wildcards: number[];
}

/** `[!]key:[op]value`, `key:"quoted value"` or `key:[a, b]`. */
export interface SearchFilterNode {
  type: 'filter';
  key: string;
  negated: boolean;
  comparison: SearchComparison;
  /** One value, or the items of a `[a, b]` list (any of them matches). */
  values: SearchValue[];
  isList: boolean;
  /** Offset of the token in the query, for error messages. */
  position: number;
}

/** Free text: searches the title, culprit and message. */
export interface SearchTextNode {
  type: 'text';
  value: SearchValue;
  negated: boolean;
  position: number;
}

export type SearchNode = SearchFilterNode | SearchTextNode;

/** A syntax or meaning error, with the offset (0-based) of the offending token in the query. */
export interface SearchQueryError {
  message: string;
  position: number;
}

export type SearchParseResult = { ok: true; nodes: SearchNode[] } | { ok: false; error: SearchQueryError };
