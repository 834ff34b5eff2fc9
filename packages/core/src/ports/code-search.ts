export interface CodeSearchOptions {
  /** Stop after this many matches in total. */
  maxResults: number;
  /** Treat `pattern` as a literal string instead of a regular expression. */
  fixedString?: boolean;
  /**
   * Only files matching one of these globs. A glob without `/` matches file names anywhere (`*.ts`),
   * one with `/` matches paths from the root (`src/**`).
   */
  glob?: string[];
  caseInsensitive?: boolean;
}

export interface CodeSearchMatch {
  /** Relative to the searched root, with `/` separators. */
  path: string;
  line: number;
  /** The matching line, trimmed to a bounded length. */
  text: string;
}

/**
 * Searches the files under a folder. Patterns use the syntax JavaScript and ripgrep share (`\b`, `\s`,
 * `\w`, classes, groups, alternation). node_modules, .git, binary and very large files are skipped.
 */
export interface CodeSearch {
  readonly name: string;
  search(root: string, pattern: string, options: CodeSearchOptions): Promise<CodeSearchMatch[]>;
}
