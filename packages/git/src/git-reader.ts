import {
  AppError,
  type BlameLine,
  type BlameOptions,
  type GitCommit,
  type GitFileContent,
  type GitLogOptions,
  type LineRange,
} from '@fixloop/core';
import { isSafeRef, isSafeRepoPath, type GitContext } from './git-context.ts';
import { parseBlamePorcelain } from './parse-blame-porcelain.ts';
import { LOG_FORMAT, parseLogPatch } from './parse-log-patch.ts';

const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
const BINARY_SNIFF_BYTES = 8000;
const FULL_SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
const LOG_DIFF_OPTIONS = [
  '-p',
  '--unified=0',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--find-renames',
];

/** The read side of the clone: files, blame and history at any commit. */
export class GitReader {
  /** Full shas already proven to be commits: they never change meaning, so they skip the rev-parse. */
  private readonly knownCommits = new Set<string>();

  constructor(private readonly ctx: GitContext) {}

  async resolveCommit(ref: string): Promise<string | null> {
    if (this.knownCommits.has(ref)) return ref;
    if (!isSafeRef(ref)) return null;
    for (const candidate of [ref, `refs/remotes/origin/${ref}`, `refs/tags/${ref}`]) {
      const result = await this.git(['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`], [1, 128]);
      const sha = result.stdout.trim();
      if (result.exitCode === 0 && sha) {
        if (this.knownCommits.size > 10_000) this.knownCommits.clear();
        this.knownCommits.add(sha);
        return sha;
      }
    }
    return null;
  }

  async listFiles(ref: string): Promise<string[]> {
    const sha = await this.commit(ref);
    const result = await this.git(['ls-tree', '-r', '-z', '--name-only', '--full-tree', sha]);
    return result.stdout.split('\0').filter(Boolean);
  }

  async readFile(
    ref: string,
    path: string,
    options: { maxBytes?: number } = {},
  ): Promise<GitFileContent | null> {
    if (!isSafeRepoPath(path)) return null;
    const sha = await this.commit(ref);
    const sizeResult = await this.git(['cat-file', '-s', `${sha}:${path}`], [128]);
    if (sizeResult.exitCode !== 0) return null;
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
    const blob = await this.ctx.runner.run(this.ctx.gitDir, ['cat-file', 'blob', `${sha}:${path}`], {
      maxBytes,
    });
    const bytes = blob.stdoutBytes;
    const binary = bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0);
    const size = Number(sizeResult.stdout.trim());
    return { path, size, text: binary ? '' : bytes.toString('utf8'), truncated: size > bytes.length, binary };
  }

  async blame(ref: string, path: string, lines: LineRange, options: BlameOptions = {}): Promise<BlameLine[]> {
    if (!isSafeRepoPath(path)) return [];
    const sha = await this.commit(ref);
    const start = Math.max(1, Math.floor(lines.start));
    const end = Math.max(start, Math.floor(lines.end));
    const ignored = (options.ignoreRevisions ?? [])
      .filter((rev) => FULL_SHA.test(rev))
      .flatMap((rev) => ['--ignore-rev', rev]);
    const run = (last: number) =>
      this.git(['blame', '--line-porcelain', ...ignored, '-L', `${start},${last}`, sha, '--', path], [128]);
    let result = await run(end);
    // A range past the end of the file is an error for git; clamp it to the length git reports.
    const length = /has only (\d+) lines?/.exec(result.stderr)?.[1];
    if (result.exitCode !== 0 && length !== undefined && Number(length) >= start)
      result = await run(Number(length));
    return result.exitCode === 0 ? parseBlamePorcelain(result.stdout) : [];
  }

  async log(ref: string, options: GitLogOptions): Promise<GitCommit[]> {
    const sha = await this.commit(ref);
    const paths = (options.paths ?? []).filter(isSafeRepoPath);
    if (options.paths && options.paths.length > 0 && paths.length === 0) return [];
    const args = [
      'log',
      LOG_FORMAT,
      ...LOG_DIFF_OPTIONS,
      `--max-count=${Math.max(1, Math.floor(options.maxCount))}`,
    ];
    if (options.since) args.push(`--since=${options.since.toISOString()}`);
    args.push(sha);
    if (options.excludeAncestorsOf) args.push(`^${await this.commit(options.excludeAncestorsOf)}`);
    args.push('--', ...paths);
    return parseLogPatch((await this.git(args)).stdout);
  }

  async showCommit(ref: string): Promise<GitCommit | null> {
    const sha = await this.resolveCommit(ref);
    if (sha === null) return null;
    const result = await this.git(['log', LOG_FORMAT, ...LOG_DIFF_OPTIONS, '--max-count=1', sha, '--']);
    return parseLogPatch(result.stdout)[0] ?? null;
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    const [a, d] = await Promise.all([this.commit(ancestor), this.commit(descendant)]);
    return (await this.git(['merge-base', '--is-ancestor', a, d], [1])).exitCode === 0;
  }

  async mergeBase(a: string, b: string): Promise<string | null> {
    const [x, y] = await Promise.all([this.commit(a), this.commit(b)]);
    const result = await this.git(['merge-base', x, y], [1]);
    return result.exitCode === 0 ? result.stdout.trim() || null : null;
  }

  /** The sha a ref names; AppError('not_found') when it names no commit. */
  async commit(ref: string): Promise<string> {
    const sha = await this.resolveCommit(ref);
    if (sha === null)
      throw new AppError('not_found', `no commit named ${JSON.stringify(ref)} in the repository`);
    return sha;
  }

  private git(args: string[], okExitCodes: number[] = []) {
    return this.ctx.runner.run(this.ctx.gitDir, args, { okExitCodes });
  }
}
