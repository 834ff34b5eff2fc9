import type { CodeSearchMatch } from '@fixloop/core';

export interface RelatedCodeHit {
  kind: 'definition' | 'call';
  /** Repository-relative path. */
  path: string;
  line: number;
  text: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function definitionPatterns(name: string): RegExp[] {
  const n = escape(name);
  return [
    new RegExp(`\\bfunction\\s*\\*?\\s*${n}\\b`),
    new RegExp(`\\b(?:def|class|fn|func)\\s+${n}\\b`),
    new RegExp(
      `\\b(?:const|let|var)\\s+${n}\\s*(?::[^=]+)?=\\s*(?:async\\b|function\\b|\\(|[A-Za-z_$][\\w$]*\\s*=>)`,
    ),
    new RegExp(
      `^\\s*(?:export\\s+)?(?:(?:public|private|protected|static|async|override|get|set)\\s+)*${n}\\s*\\([^)]*\\)\\s*(?::[^{]+)?\\{`,
    ),
    new RegExp(`\\b${n}\\s*[:=]\\s*(?:async\\s+)?(?:function\\b|\\([^)]*\\)\\s*=>)`),
  ];
}

/**
 * Sorts search hits for a function name into definitions and calls, dropping the crash site itself,
 * comments-only mentions and imports, and capping each kind.
 */
export function classifyRelatedCode(
  matches: readonly CodeSearchMatch[],
  name: string,
  options: { exclude?: { path: string; line: number }[]; maxDefinitions: number; maxCalls: number },
): RelatedCodeHit[] {
  const definitions = definitionPatterns(name);
  const call = new RegExp(`\\b${escape(name)}\\s*\\(`);
  const excluded = new Set((options.exclude ?? []).map((e) => `${e.path}:${e.line}`));
  const out: RelatedCodeHit[] = [];
  let defs = 0;
  let calls = 0;
  for (const match of matches) {
    const text = match.text.trim();
    if (excluded.has(`${match.path}:${match.line}`) || /^(?:\/\/|#|\*|\/\*|import\b|from\b)/.test(text))
      continue;
    if (definitions.some((re) => re.test(match.text))) {
      if (defs++ < options.maxDefinitions)
        out.push({ kind: 'definition', path: match.path, line: match.line, text });
    } else if (call.test(match.text) && calls++ < options.maxCalls) {
      out.push({ kind: 'call', path: match.path, line: match.line, text });
    }
  }
  return out.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'definition' ? -1 : 1));
}
