import type { Runbook } from './parse-runbook.ts';

/** The issue text runbook patterns are matched against. */
export interface RunbookFields {
  title: string;
  message: string;
  type: string;
  culprit: string;
}

export interface RunbookMatch {
  path: string;
  title: string;
  priority: number;
  autoLink: boolean;
  /** Which pattern matched which field (the first match per pattern). */
  matches: { pattern: string; field: keyof RunbookFields }[];
}

const FIELDS: (keyof RunbookFields)[] = ['title', 'type', 'message', 'culprit'];
/** Patterns run on bounded text: a runbook's regex must not be able to stall an investigation. */
const MAX_FIELD_LENGTH = 4000;

/** The runbooks with at least one pattern matching the issue, by priority (highest first), then path. */
export function matchRunbooks(runbooks: readonly Runbook[], fields: RunbookFields): RunbookMatch[] {
  const texts = FIELDS.map((field) => [field, (fields[field] ?? '').slice(0, MAX_FIELD_LENGTH)] as const);
  const out: RunbookMatch[] = [];
  for (const runbook of runbooks) {
    const matches: RunbookMatch['matches'] = [];
    for (const pattern of runbook.patterns) {
      const hit = texts.find(([, text]) => text !== '' && pattern.regex.test(text));
      if (hit) matches.push({ pattern: pattern.source, field: hit[0] });
    }
    if (matches.length > 0) {
      out.push({
        path: runbook.path,
        title: runbook.title,
        priority: runbook.priority,
        autoLink: runbook.autoLink,
        matches,
      });
    }
  }
  return out.sort((a, b) => b.priority - a.priority || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
