import {
  type BaseHead,
  type BlameLine,
  type BlameOptions,
  type BranchContentInBase,
  type CommitResult,
  type CommitToBranchOptions,
  type GitCommit,
  type GitFileContent,
  type GitIdentity,
  type GitLogOptions,
  type GitWorkspace,
  type LineRange,
  type RepositorySettings,
  type Worktree,
} from '@fixloop/core';
import { BranchContentComparer } from './branch-content-comparer.ts';
import { BranchWriter } from './branch-writer.ts';
import { createGitContext } from './git-context.ts';
import { writeAskpassScript } from './git-environment.ts';
import { GitReader } from './git-reader.ts';
import type { RemoteCredentials, TokenSource } from './remote-credentials.ts';
import { RepositorySync } from './repository-sync.ts';
import { SerialLock } from './serial-lock.ts';
import { WorktreeManager } from './worktree-manager.ts';

export interface GitCliWorkspaceOptions {
  /** Fixloop's data directory; the clone lives in `<dataDir>/repos/<slug>`. */
  dataDir: string;
  settings: RepositorySettings;
  /** The process environment to take PATH, HOME, proxies and SSH_AUTH_SOCK from (nothing else passes). */
  env?: Readonly<Record<string, string | undefined>>;
  /** The bot identity commits are made with. */
  identity?: GitIdentity;
  /** The HTTP Basic username sent with the token (GitHub accepts `x-access-token`). */
  tokenUsername?: string;
  /**
   * Short-lived https tokens (a GitHub App installation token), asked for before each fetch or push;
   * used only when the settings and the URL hold no token.
   */
  tokenSource?: TokenSource;
  gitBinary?: string;
  /** Local commands default to 60 s, commands that talk to the remote to 300 s. */
  timeouts?: { localMs?: number; remoteMs?: number };
  /** Relative local repository paths are resolved against this folder. */
  baseDir?: string;
}

/** GitWorkspace on the `git` command line: one bare clone per repository, worktrees beside it. */
export class GitCliWorkspace implements GitWorkspace {
  private readonly ready: Promise<void>;
  private readonly sync: RepositorySync;
  private readonly reader: GitReader;
  private readonly worktrees: WorktreeManager;
  private readonly writer: BranchWriter;
  private readonly comparer: BranchContentComparer;
  private readonly credentials: RemoteCredentials;

  constructor(options: GitCliWorkspaceOptions) {
    const ctx = createGitContext(options);
    this.credentials = ctx.credentials;
    const lock = SerialLock.for(ctx.gitDir);
    this.ready = writeAskpassScript(options.dataDir).then(() => undefined);
    // Awaited by every remote or write call; this only keeps an early failure from being "unhandled".
    this.ready.catch(() => undefined);
    this.sync = new RepositorySync(ctx, lock);
    this.reader = new GitReader(ctx);
    this.worktrees = new WorktreeManager(ctx, this.reader);
    this.writer = new BranchWriter(ctx, lock, this.sync, this.reader, this.worktrees);
    this.comparer = new BranchContentComparer(ctx, this.reader);
  }

  /**
   * Sets where short-lived https tokens come from, for a workspace created before its owner knew (a
   * project's GitHub App); undefined removes the source. A token in the settings or URL still wins.
   */
  useTokenSource(source: TokenSource | undefined): void {
    this.credentials.useTokenSource(source);
  }

  async ensureClone(): Promise<{ cloned: boolean }> {
    await this.ready;
    return this.sync.ensureClone();
  }
  async fetch(): Promise<BaseHead> {
    await this.ready;
    return this.sync.fetch();
  }
  async defaultBranch(): Promise<string> {
    await this.ready;
    return this.sync.defaultBranch();
  }
  baseHead(): Promise<BaseHead> {
    return this.sync.baseHead();
  }
  resolveCommit(ref: string): Promise<string | null> {
    return this.reader.resolveCommit(ref);
  }
  branchHead(branch: string): Promise<string | null> {
    return this.writer.branchHead(branch);
  }
  listFiles(ref: string): Promise<string[]> {
    return this.reader.listFiles(ref);
  }
  readFile(ref: string, path: string, options?: { maxBytes?: number }): Promise<GitFileContent | null> {
    return this.reader.readFile(ref, path, options);
  }
  blame(ref: string, path: string, lines: LineRange, options?: BlameOptions): Promise<BlameLine[]> {
    return this.reader.blame(ref, path, lines, options);
  }
  log(ref: string, options: GitLogOptions): Promise<GitCommit[]> {
    return this.reader.log(ref, options);
  }
  showCommit(ref: string): Promise<GitCommit | null> {
    return this.reader.showCommit(ref);
  }
  isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    return this.reader.isAncestor(ancestor, descendant);
  }
  mergeBase(a: string, b: string): Promise<string | null> {
    return this.reader.mergeBase(a, b);
  }
  compareToBase(branch: string, base: string): Promise<BranchContentInBase> {
    return this.comparer.compare(branch, base);
  }
  createWorktree(ref: string): Promise<Worktree> {
    return this.worktrees.create(ref);
  }
  diffWorktree(worktree: Worktree): Promise<string> {
    return this.worktrees.diff(worktree);
  }
  applyPatch(worktree: Worktree, patch: string): Promise<void> {
    return this.worktrees.applyPatch(worktree, patch);
  }
  revertInWorktree(worktree: Worktree, commit: string): Promise<void> {
    return this.worktrees.revert(worktree, commit);
  }
  async commitToBranch(worktree: Worktree, options: CommitToBranchOptions): Promise<CommitResult> {
    await this.ready;
    return this.writer.commitToBranch(worktree, options);
  }
  async push(branch: string, options?: { force?: boolean }): Promise<void> {
    await this.ready;
    return this.writer.push(branch, options);
  }
  async resetBranch(branch: string, toRef: string): Promise<void> {
    await this.ready;
    return this.writer.resetBranch(branch, toRef);
  }
}
