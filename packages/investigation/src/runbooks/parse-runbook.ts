import { parse as parseYaml } from 'yaml';

export interface RunbookPattern {
  source: string;
  regex: RegExp;
}

export interface Runbook {
  /** Repository-relative path of the markdown file: the runbook's identity. */
  path: string;
  title: string;
  patterns: RunbookPattern[];
  /** Higher first. */
  priority: number;
  /** Link automatically when it matches; false only suggests it. */
  autoLink: boolean;
}

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\s*(?:\r?\n|$)/;
const MAX_PATTERN_LENGTH = 500;

/**
 * A runbook from its markdown: YAML front matter `{patterns: [regex…], priority, auto_link, title?}`.
 * Patterns are case-insensitive unless written as `/regex/flags`. Problems (bad YAML, bad regex) are
 * returned, not thrown: one broken runbook must not stop the others.
 */
export function parseRunbook(
  path: string,
  markdown: string,
): { runbook: Runbook | null; problems: string[] } {
  const front = FRONT_MATTER.exec(markdown);
  if (!front) return { runbook: null, problems: [`${path}: no YAML front matter`] };
  let meta: unknown;
  try {
    meta = parseYaml(front[1] ?? '');
  } catch (error) {
    return {
      runbook: null,
      problems: [`${path}: invalid front matter: ${(error as Error).message.split('\n')[0]}`],
    };
  }
  const fields = typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>) : {};
  const problems: string[] = [];
  const patterns = compilePatterns(fields.patterns, path, problems);
  const priority =
    typeof fields.priority === 'number' && Number.isFinite(fields.priority) ? fields.priority : 0;
  if (fields.priority !== undefined && priority !== fields.priority)
    problems.push(`${path}: priority must be a number`);
  const runbook: Runbook = {
    path,
    title: runbookTitle(fields.title, markdown.slice(front[0].length), path),
    patterns,
    priority,
    autoLink: fields.auto_link !== false,
  };
  if (patterns.length === 0) problems.push(`${path}: no usable patterns, it can never match`);
  return { runbook: patterns.length > 0 ? runbook : null, problems };
}

function compilePatterns(value: unknown, path: string, problems: string[]): RunbookPattern[] {
  const sources = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const out: RunbookPattern[] = [];
  for (const source of sources) {
    if (typeof source !== 'string' || source === '' || source.length > MAX_PATTERN_LENGTH) {
      problems.push(
        `${path}: pattern ${JSON.stringify(source)} is not a non-empty string under ${MAX_PATTERN_LENGTH} characters`,
      );
      continue;
    }
    const literal = /^\/(.+)\/([dgimsuy]*)$/s.exec(source);
    try {
      const flags = (literal?.[2] ?? 'i').replace(/[gy]/g, '');
      out.push({ source, regex: new RegExp(literal?.[1] ?? source, flags) });
    } catch (error) {
      problems.push(`${path}: invalid pattern ${JSON.stringify(source)}: ${(error as Error).message}`);
    }
  }
  return out;
}

function runbookTitle(title: unknown, body: string, path: string): string {
  if (typeof title === 'string' && title.trim()) return title.trim();
  const heading = /^#\s+(.+)$/m.exec(body)?.[1]?.trim();
  return heading || (path.split('/').pop() ?? path).replace(/\.md$/i, '');
}
