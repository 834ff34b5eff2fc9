import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { AppError, type CodeSearch, type CodeSearchMatch, type CodeSearchOptions } from '@fixloop/core';
import { MAX_MATCH_TEXT } from './builtin-code-search.ts';

interface RipgrepMatch {
  type: string;
  data?: { path?: { text?: string }; lines?: { text?: string }; line_number?: number };
}

/**
 * CodeSearch with ripgrep (`rg --json`), run without a shell. Same skip rules as the built-in search
 * (plus .gitignore); results come in path order; on timeout it returns what it found so far.
 */
export class RipgrepCodeSearch implements CodeSearch {
  readonly name = 'ripgrep';

  constructor(private readonly options: { binary?: string; timeoutMs?: number } = {}) {}

  search(root: string, pattern: string, options: CodeSearchOptions): Promise<CodeSearchMatch[]> {
    const child = spawn(this.options.binary ?? 'rg', ripgrepArgs(pattern, options), {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const matches: CodeSearchMatch[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), this.options.timeoutMs ?? 10_000);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (matches.length >= options.maxResults) return;
      const match = toMatch(line);
      if (match) matches.push(match);
      if (matches.length >= options.maxResults) child.kill('SIGKILL');
    });
    return new Promise((resolvePromise, reject) => {
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(new AppError('unavailable', `ripgrep could not run: ${error.message}`));
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        if (code === 2 && matches.length === 0 && /regex|parse error/i.test(stderr)) {
          reject(new AppError('bad_request', `invalid search pattern: ${pattern}`));
        } else resolvePromise(matches.slice(0, options.maxResults));
      });
    });
  }
}

function ripgrepArgs(pattern: string, options: CodeSearchOptions): string[] {
  const args = ['--json', '--no-config', '--sort', 'path', '--max-filesize', '1M', '--no-messages'];
  args.push('--glob', '!node_modules', '--glob', '!.git');
  if (options.fixedString) args.push('--fixed-strings');
  if (options.caseInsensitive) args.push('--ignore-case');
  for (const glob of options.glob ?? []) args.push('--glob', glob);
  args.push('--regexp', pattern, '--', '.');
  return args;
}

function toMatch(line: string): CodeSearchMatch | null {
  let parsed: RipgrepMatch;
  try {
    parsed = JSON.parse(line) as RipgrepMatch;
  } catch {
    return null;
  }
  if (parsed.type !== 'match' || !parsed.data) return null;
  const path = parsed.data.path?.text;
  const text = parsed.data.lines?.text;
  if (path === undefined || text === undefined || parsed.data.line_number === undefined) return null;
  return {
    path: path.replace(/^\.\//, ''),
    line: parsed.data.line_number,
    text: text.replace(/\r?\n$/, '').slice(0, MAX_MATCH_TEXT),
  };
}
