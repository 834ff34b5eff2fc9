import type { ValuePattern } from './value-pattern.ts';

export const IS_VALUES = [
  'unresolved',
  'resolved',
  'ignored',
  'archived',
  'regressed',
  'assigned',
  'unassigned',
  'for_review',
  'new',
  'escalating',
  'ongoing',
] as const;
export type IsValue = (typeof IS_VALUES)[number];

/** Issue columns matched by value (severity and errorClass: the override when set). */
export type IssueValueColumn =
  'level' | 'severity' | 'errorClass' | 'errorType' | 'errorValue' | 'firstRelease' | 'platform' | 'title';

/** Issue columns compared by number; dates are epoch milliseconds. */
export type IssueNumberColumn = 'firstSeen' | 'lastSeen' | 'timesSeen' | 'userCount';

/** Who `assigned:` names; emails and team slugs are resolved to ids before the search runs. */
export type AssigneeRef =
  | { type: 'user'; id: number }
  | { type: 'team'; id: number }
  | { type: 'email'; email: string }
  | { type: 'team_slug'; slug: string }
  | { type: 'any' }
  | { type: 'none' };

export type UserRef = { type: 'user'; id: number } | { type: 'email'; email: string };

/**
 * One compiled search condition; a search is the AND of its filters. Every storage adapter executes
 * these, and `matchesIssueSearch` evaluates them in memory with the same meaning.
 */
export type IssueSearchFilter =
  /** Any of the values; `for_review` also needs `lastSeen >= reviewSince`. */
  | { kind: 'is'; values: IsValue[]; negated: boolean; reviewSince: number }
  | { kind: 'column'; column: IssueValueColumn; patterns: ValuePattern[]; negated: boolean }
  | {
      kind: 'compare';
      column: IssueNumberColumn;
      comparison: '=' | '>' | '<' | '>=' | '<=';
      value: number;
      negated: boolean;
    }
  /** `from <= column < to` (a whole day for `firstSeen:2024-01-31`). */
  | { kind: 'range'; column: IssueNumberColumn; from: number; to: number; negated: boolean }
  /** The issue has (or, negated, never had) a tag value matching any pattern; `null`: any value (has:). */
  | { kind: 'tag'; key: string; patterns: ValuePattern[] | null; negated: boolean }
  /** Free text over title, culprit and message (`any`), or `message:` over title and message. */
  | { kind: 'text'; target: 'any' | 'message'; patterns: ValuePattern[]; negated: boolean }
  | { kind: 'assigned'; refs: AssigneeRef[]; negated: boolean }
  | { kind: 'bookmarked'; refs: UserRef[]; negated: boolean }
  | { kind: 'project'; slugs: string[]; negated: boolean };

export interface IssueSearchContext {
  now: Date;
  /** The caller's user id, for `me`; null for tokens without a user (then `me` matches nobody). */
  userId: number | null;
}
