/** 1-based, inclusive line range. */
export interface LineRange {
  start: number;
  end: number;
}

export interface GitIdentity {
  name: string;
  email: string;
}

/** The base branch and the commit it pointed to at the last fetch. */
export interface BaseHead {
  branch: string;
  sha: string;
}

export interface GitFileContent {
  path: string;
  /** Size of the whole blob in bytes. */
  size: number;
  /** At most `maxBytes` of the file, decoded as UTF-8; empty for binary files. */
  text: string;
  truncated: boolean;
  binary: boolean;
}

export interface BlameLine {
  /** Line number in the blamed revision. */
  line: number;
  commit: string;
  author: string;
  authorEmail: string;
  authorTime: Date;
  summary: string;
  /** Where the line was in the commit that last changed it. */
  originalLine: number;
  originalPath: string;
  content: string;
  /** True when the line comes from the oldest commit blame looked at (history cut off there). */
  boundary: boolean;
}

/** One `@@ -oldStart,oldLines +newStart,newLines @@` hunk; a count of 0 means pure insertion/deletion. */
export interface DiffHunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
}

export interface ChangedFile {
  path: string;
  previousPath?: string;
  status: 'added' | 'modified' | 'deleted' | 'renamed';
  /** The changed line ranges, from `--unified=0` hunks. */
  hunks: DiffHunk[];
}

export interface GitCommit {
  sha: string;
  parents: string[];
  author: GitIdentity;
  authorTime: Date;
  committer: GitIdentity;
  /** When the commit landed (committer date). */
  committerTime: Date;
  summary: string;
  files: ChangedFile[];
}

export interface GitLogOptions {
  /** Only commits touching these repository paths. */
  paths?: string[];
  since?: Date;
  maxCount: number;
  /** Leave out commits reachable from this ref (`git log ref ^excluded`): "not yet in that release". */
  excludeAncestorsOf?: string;
}

export interface BlameOptions {
  /**
   * Commits blame looks through (`--ignore-rev`): their lines go to the commit before them. Used for
   * commits that landed after the issue appeared, so they do not hide the commit that caused it.
   */
  ignoreRevisions?: string[];
}

/** How a branch's own commits (those over its merge base with a base) stand in that base, by content. */
export interface BranchContentInBase {
  /** The branch's own commits, oldest first; `inBase` when the base has a commit with the same patch. */
  commits: { sha: string; inBase: boolean }[];
  /** The files the branch changed since the merge base. */
  changedFiles: string[];
  /** Those of `changedFiles` whose content in the base differs from the branch's. */
  differingFiles: string[];
}

/** A checked-out copy of one commit, in its own folder; dispose() removes every trace of it. */
export interface Worktree {
  readonly path: string;
  readonly headSha: string;
  dispose(): Promise<void>;
}

export interface CommitToBranchOptions {
  branch: string;
  message: string;
  /** Defaults to the workspace's bot identity. */
  author?: GitIdentity;
  /** Paths (relative to the worktree) to commit; defaults to every change, new files included. */
  paths?: string[];
  /** Author and committer date; defaults to now. */
  date?: Date;
}

export interface CommitResult {
  sha: string;
  branch: string;
  /** The branch tip before the commit, or null when the branch was created. */
  previousSha: string | null;
}

/**
 * Fixloop's own clone of one project repository. Reads take any commit-ish (a sha, a tag, or a branch
 * name, which resolves to the remote's branch). Every write (commit, push, reset) refuses, with
 * AppError('forbidden'), to touch the base branch, main, master, staging or a configured protected branch:
 * the adapter enforces this itself, whatever its caller checked.
 */
export interface GitWorkspace {
  /** Clones into the data directory when there is no clone yet. */
  ensureClone(): Promise<{ cloned: boolean }>;
  /** Clones if needed, fetches branches and tags, and returns the base branch head. */
  fetch(): Promise<BaseHead>;
  /** The remote's default branch (from its HEAD). */
  defaultBranch(): Promise<string>;
  /** The base branch head as of the last fetch, without contacting the remote. */
  baseHead(): Promise<BaseHead>;
  /** The commit sha a ref names, or null when it names none. */
  resolveCommit(ref: string): Promise<string | null>;
  /** Fixloop's tip of a branch: the local branch when it exists, else the remote's; null if neither. */
  branchHead(branch: string): Promise<string | null>;
  listFiles(ref: string): Promise<string[]>;
  /** Null when the path does not exist at ref. Reads at most `maxBytes` (default 1 MiB). */
  readFile(ref: string, path: string, options?: { maxBytes?: number }): Promise<GitFileContent | null>;
  blame(ref: string, path: string, lines: LineRange, options?: BlameOptions): Promise<BlameLine[]>;
  /** Newest first, with each commit's changed files and line ranges. */
  log(ref: string, options: GitLogOptions): Promise<GitCommit[]>;
  showCommit(ref: string): Promise<GitCommit | null>;
  isAncestor(ancestor: string, descendant: string): Promise<boolean>;
  mergeBase(a: string, b: string): Promise<string | null>;
  /** Compares `branch` with `base` by patch and by file content: squash and rebase merges show here. */
  compareToBase(branch: string, base: string): Promise<BranchContentInBase>;
  /** A detached checkout of ref in a fresh folder. */
  createWorktree(ref: string): Promise<Worktree>;
  /** Unified diff of the worktree's changes (new files included) against its head. */
  diffWorktree(worktree: Worktree): Promise<string>;
  /** Applies a unified diff to the worktree's files; AppError('conflict') when it does not apply. */
  applyPatch(worktree: Worktree, patch: string): Promise<void>;
  /** Applies the inverse of a commit to the worktree's files, without committing. */
  revertInWorktree(worktree: Worktree, commit: string): Promise<void>;
  /**
   * Commits the worktree's changes as ONE commit and moves `branch` (a local branch) to it, on top of
   * the branch's current tip: a fast-forward, or a cherry-pick when the branch has moved on
   * (AppError('conflict') when it does not apply cleanly). Creates the branch when missing.
   */
  commitToBranch(worktree: Worktree, options: CommitToBranchOptions): Promise<CommitResult>;
  /** Pushes the local branch to the remote; `force` uses --force-with-lease. */
  push(branch: string, options?: { force?: boolean }): Promise<void>;
  /** Points the local branch at `toRef` (e.g. the fix branch to the base head after a merge). */
  resetBranch(branch: string, toRef: string): Promise<void>;
}
