import type { AssigneeRef, IssueSearchFilter, Storage, UserRef } from '@fixloop/core';

const NOBODY = { type: 'user' as const, id: -1 };

/**
 * `assigned:` and `bookmarks:` may name people by email and teams by slug; the search runs on ids.
 * Someone who is not in the organization matches nothing, like an unknown name.
 */
export async function resolvePeopleFilters(
  storage: Storage,
  organizationId: number,
  filters: IssueSearchFilter[],
): Promise<IssueSearchFilter[]> {
  const userOf = async (email: string): Promise<UserRef> => {
    const user = await storage.accounts.findUserByEmail(email);
    if (user === null) return NOBODY;
    const memberships = await storage.accounts.listMemberships(user.id);
    return memberships.some((m) => m.organizationId === organizationId)
      ? { type: 'user', id: user.id }
      : NOBODY;
  };
  const teamOf = async (slug: string): Promise<AssigneeRef> => {
    const team = await storage.teams.getTeamBySlug(organizationId, slug);
    return team === null ? NOBODY : { type: 'team', id: team.id };
  };
  const out: IssueSearchFilter[] = [];
  for (const filter of filters) {
    if (filter.kind === 'assigned') {
      const refs: AssigneeRef[] = [];
      for (const ref of filter.refs) {
        if (ref.type === 'email') refs.push(await userOf(ref.email));
        else if (ref.type === 'team_slug') refs.push(await teamOf(ref.slug));
        else refs.push(ref);
      }
      out.push({ ...filter, refs });
    } else if (filter.kind === 'bookmarked') {
      const refs: UserRef[] = [];
      for (const ref of filter.refs) refs.push(ref.type === 'email' ? await userOf(ref.email) : ref);
      out.push({ ...filter, refs });
    } else out.push(filter);
  }
  return out;
}
