import { open, opendir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, type CodeSearch, type CodeSearchMatch, type CodeSearchOptions } from '@fixloop/core';
import { escapeRegExp, GlobMatcher } from './glob-matcher.ts';

const SKIPPED_DIRS = new Set(['node_modules', '.git']);
const MAX_FILE_BYTES = 1024 * 1024;
const BINARY_SNIFF_BYTES = 8000;
export const MAX_MATCH_TEXT = 300;

/**
 * A dependency-free search for machines without ripgrep: walks the tree in name order, skipping
 * node_modules, .git, hidden entries, binary files and files over 1 MiB. Stops at maxResults or at the
 * deadline, returning what it found so far.
 */
export class BuiltinCodeSearch implements CodeSearch {
  readonly name = 'builtin';

  constructor(private readonly options: { timeoutMs?: number } = {}) {}

  async search(root: string, pattern: string, options: CodeSearchOptions): Promise<CodeSearchMatch[]> {
    const regex = compilePattern(pattern, options);
    const globs = new GlobMatcher(options.glob ?? []);
    const deadline = Date.now() + (this.options.timeoutMs ?? 10_000);
    const matches: CodeSearchMatch[] = [];
    for await (const path of walk(root, '')) {
      if (matches.length >= options.maxResults || Date.now() > deadline) break;
      if (!globs.matches(path)) continue;
      await searchFile(join(root, path), path, regex, matches, options.maxResults);
    }
    return matches;
  }
}

function compilePattern(pattern: string, options: CodeSearchOptions): RegExp {
  const source = options.fixedString ? escapeRegExp(pattern) : pattern;
  try {
    return new RegExp(source, options.caseInsensitive ? 'i' : '');
  } catch {
    throw new AppError('bad_request', `invalid search pattern: ${pattern}`);
  }
}

async function* walk(root: string, relativeDir: string): AsyncGenerator<string> {
  let entries;
  try {
    const dir = await opendir(join(root, relativeDir));
    entries = [];
    for await (const entry of dir) entries.push(entry);
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
    const path = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) yield* walk(root, path);
    else if (entry.isFile()) yield path;
  }
}

async function searchFile(
  absolute: string,
  path: string,
  regex: RegExp,
  matches: CodeSearchMatch[],
  maxResults: number,
): Promise<void> {
  const handle = await open(absolute, 'r').catch(() => null);
  if (handle === null) return;
  try {
    const { size } = await handle.stat();
    if (size > MAX_FILE_BYTES) return;
    const bytes = await handle.readFile();
    if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return;
    const lines = bytes.toString('utf8').split('\n');
    for (let i = 0; i < lines.length && matches.length < maxResults; i++) {
      const line = (lines[i] as string).replace(/\r$/, '');
      if (regex.test(line)) matches.push({ path, line: i + 1, text: line.slice(0, MAX_MATCH_TEXT) });
    }
  } finally {
    await handle.close();
  }
}
