/** One file a patch changes; `before` is null for a new file, `after` null for a deleted one. */
export interface FileChange {
  path: string;
  before: string | null;
  after: string | null;
}

/** A change to a repository, as a git-style unified diff and as whole new file contents. */
export interface FixPatch {
  /** `diff --git` style, applicable with `git apply` at the repository root. */
  diff: string;
  files: FileChange[];
}
