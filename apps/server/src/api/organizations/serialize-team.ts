import type { Team } from '@fixloop/core';
import type { TeamDirectory } from './team-directory.ts';

export interface TeamJson {
  id: string;
  slug: string;
  name: string;
  dateCreated: string;
  isMember: boolean;
  memberCount: number;
  projects: { id: string; slug: string; name: string; platform: string | null }[];
}

/** Sentry's team JSON; `isMember` is about the calling user. */
export function serializeTeam(team: Team, directory: TeamDirectory, callerId: number | null): TeamJson {
  const members = directory.memberIds(team.id);
  return {
    id: String(team.id),
    slug: team.slug,
    name: team.name,
    dateCreated: team.createdAt.toISOString(),
    isMember: callerId !== null && members.includes(callerId),
    memberCount: members.length,
    projects: directory.projectsOf(team.id).map((p) => ({
      id: String(p.id),
      slug: p.slug,
      name: p.name,
      platform: p.platform,
    })),
  };
}

/** The short form projects and members embed. */
export function teamSummary(team: Team): { id: string; slug: string; name: string } {
  return { id: String(team.id), slug: team.slug, name: team.name };
}
