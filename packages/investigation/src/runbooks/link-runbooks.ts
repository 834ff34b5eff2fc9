import type { RunbookMatch } from './match-runbooks.ts';

export interface RunbookLinkPlan {
  /** Matches to link now: auto_link runbooks not linked before, each once. */
  link: RunbookMatch[];
  /** Matches already linked to the issue: never linked again. */
  alreadyLinked: RunbookMatch[];
  /** Matches with auto_link: false, shown but not linked. */
  suggested: RunbookMatch[];
}

/** Decides which matching runbooks to link, given the runbook paths already linked to the issue. */
export function linkRunbooks(
  existingLinks: Iterable<string>,
  matches: readonly RunbookMatch[],
): RunbookLinkPlan {
  const linked = new Set([...existingLinks].map(runbookKey));
  const plan: RunbookLinkPlan = { link: [], alreadyLinked: [], suggested: [] };
  for (const match of matches) {
    const key = runbookKey(match.path);
    if (linked.has(key)) {
      if (!plan.alreadyLinked.some((m) => runbookKey(m.path) === key)) plan.alreadyLinked.push(match);
    } else if (!match.autoLink) {
      plan.suggested.push(match);
    } else {
      plan.link.push(match);
      linked.add(key);
    }
  }
  return plan;
}

/** `./runbooks/db.md`, `runbooks\db.md` and `runbooks/db.md` are one runbook. */
export function runbookKey(path: string): string {
  return path
    .trim()
    .replace(/\\/g, '/')
    .replace(/^(?:\.\/)+|^\/+/, '');
}
