import { AppError } from '@fixloop/core';
import type { IssueAssignee, Storage } from '@fixloop/core';
import type { Principal } from '../principal.ts';

/**
 * Sentry's `assignedTo`: `user:<id>`, `team:<id>`, a user id, an email or `me`; null or '' unassigns.
 * Only members and teams of the issue's organization can be assigned.
 */
export async function resolveAssignee(
  storage: Storage,
  principal: Principal,
  organizationId: number,
  value: string | number | null,
): Promise<IssueAssignee | null> {
  if (value === null || value === '') return null;
  const text = String(value).trim();
  const team = /^team:(\d+)$/.exec(text);
  if (team !== null) {
    const teams = await storage.teams.listTeams(organizationId);
    if (!teams.some((t) => t.id === Number(team[1]))) throw invalid('no such team in this organization');
    return { type: 'team', id: Number(team[1]) };
  }
  let userId: number | null = null;
  const id = /^(?:user:)?(\d+)$/.exec(text);
  if (id !== null) userId = Number(id[1]);
  else if (text === 'me') userId = principal.user?.id ?? null;
  else if (text.includes('@'))
    userId = (await storage.accounts.findUserByEmail(text.toLowerCase()))?.id ?? null;
  else throw invalid('expected user:<id>, team:<id>, an email or me');
  if (userId === null) throw invalid('no such member of this organization');
  const memberships = await storage.accounts.listMemberships(userId);
  if (!memberships.some((m) => m.organizationId === organizationId)) {
    throw invalid('no such member of this organization');
  }
  return { type: 'user', id: userId };
}

function invalid(message: string): AppError {
  return new AppError('bad_request', `Invalid body field "assignedTo": ${message}`, {
    fields: { assignedTo: [message] },
  });
}
