import { redactProjectSettings } from '@fixloop/core';
import type { Organization, Project, RedactedProjectSettings } from '@fixloop/core';
import { teamSummary } from '../organizations/serialize-team.ts';
import type { TeamDirectory } from '../organizations/team-directory.ts';

type TeamSummary = ReturnType<typeof teamSummary>;

export interface ProjectJson {
  id: string;
  slug: string;
  name: string;
  platform: string | null;
  dateCreated: string;
  status: 'active';
  isBookmarked: false;
  /** Whether the caller is on one of the project's teams. */
  isMember: boolean;
  hasAccess: true;
  features: string[];
  team: TeamSummary | null;
  teams: TeamSummary[];
  organization: { id: string; slug: string; name: string };
  /** Fixloop's settings; the repository token is never included. */
  settings: RedactedProjectSettings;
}

export function serializeProject(
  project: Project,
  organization: Organization,
  directory: TeamDirectory,
  callerId: number | null,
): ProjectJson {
  const teams = directory.teamsOfProject(project.id);
  const mine = callerId === null ? [] : directory.teamsOfUser(callerId).map((t) => t.id);
  return {
    id: String(project.id),
    slug: project.slug,
    name: project.name,
    platform: project.platform,
    dateCreated: project.createdAt.toISOString(),
    status: 'active',
    isBookmarked: false,
    isMember: teams.some((t) => mine.includes(t.id)),
    hasAccess: true,
    features: [],
    team: teams[0] === undefined ? null : teamSummary(teams[0]),
    teams: teams.map(teamSummary),
    organization: { id: String(organization.id), slug: organization.slug, name: organization.name },
    settings: redactProjectSettings(project.settings),
  };
}
