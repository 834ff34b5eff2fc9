import type { SearchFilterNode } from './search-query-ast.ts';
import type { AssigneeRef, IssueSearchContext, IssueSearchFilter, UserRef } from './issue-search-filter.ts';
import { fail, requireEquality, requireNoWildcards } from './search-node-checks.ts';

/** A user that matches nobody: `me` for a token without a user. */
const NOBODY: UserRef = { type: 'user', id: -1 };

/** `me`, a user id, `user:<id>` or an email. */
function userRef(node: SearchFilterNode, text: string, context: IssueSearchContext): UserRef | null {
  if (text === 'me') return context.userId === null ? NOBODY : { type: 'user', id: context.userId };
  const id = /^(?:user:)?(\d+)$/.exec(text);
  if (id !== null) return { type: 'user', id: Number(id[1]) };
  if (text.includes('@')) return { type: 'email', email: text.toLowerCase() };
  return null;
}

/** `assigned:me`, `assigned:none`, `assigned:#backend`, `assigned:team:3`, `assigned:a@b.c`, `assigned:[me, #ops]`. */
export function compileAssignedFilter(
  node: SearchFilterNode,
  context: IssueSearchContext,
): IssueSearchFilter {
  requireEquality(node);
  requireNoWildcards(node);
  const refs = node.values.map((value): AssigneeRef => {
    const text = value.text;
    if (text === 'none') return { type: 'none' };
    if (text.startsWith('#') && text.length > 1) return { type: 'team_slug', slug: text.slice(1) };
    const team = /^team:(\d+)$/.exec(text);
    if (team !== null) return { type: 'team', id: Number(team[1]) };
    const user = userRef(node, text, context);
    if (user === null) {
      fail(node, `Invalid value "${text}" for "${node.key}": expected me, none, #team or an email`);
    }
    return user;
  });
  return { kind: 'assigned', refs, negated: node.negated };
}

/** `bookmarks:me`, `bookmarks:a@b.c`. */
export function compileBookmarksFilter(
  node: SearchFilterNode,
  context: IssueSearchContext,
): IssueSearchFilter {
  requireEquality(node);
  requireNoWildcards(node);
  const refs = node.values.map((value) => {
    const ref = userRef(node, value.text, context);
    if (ref === null) fail(node, `Invalid value "${value.text}" for "${node.key}": expected me or an email`);
    return ref;
  });
  return { kind: 'bookmarked', refs, negated: node.negated };
}
