import type { GitWorkspace } from '@fixloop/core';

/** The repository's files at one commit, read through a port (the engine itself does no I/O). */
export interface RepoSnapshot {
  readonly sha: string;
  listFiles(): Promise<readonly string[]>;
  /** Null when the file does not exist, is binary or too large to be source code. */
  readText(path: string): Promise<string | null>;
}

const MAX_SOURCE_BYTES = 512 * 1024;

/** A snapshot read from Fixloop's clone at `sha`, with each file read at most once. */
export function gitRepoSnapshot(git: GitWorkspace, sha: string): RepoSnapshot {
  let files: Promise<readonly string[]> | null = null;
  const texts = new Map<string, Promise<string | null>>();
  return {
    sha,
    listFiles: () => (files ??= git.listFiles(sha)),
    readText: (path) => {
      let text = texts.get(path);
      if (!text) {
        text = git.readFile(sha, path, { maxBytes: MAX_SOURCE_BYTES }).then((file) => {
          if (!file || file.binary || file.truncated) return null;
          return file.text;
        });
        texts.set(path, text);
      }
      return text;
    },
  };
}

/** A snapshot of in-memory files, for tests and dry runs. */
export function memoryRepoSnapshot(files: Readonly<Record<string, string>>, sha = 'memory'): RepoSnapshot {
  return {
    sha,
    listFiles: () => Promise.resolve(Object.keys(files).sort()),
    readText: (path) => Promise.resolve(files[path] ?? null),
  };
}
