import type { ProjectTeam, Team, TeamMembership } from '../organizations/team.ts';

export interface TeamStore {
  /** A slug taken in the organization is a `conflict` AppError. */
  createTeam(input: { organizationId: number; slug: string; name: string }): Promise<Team>;
  getTeamBySlug(organizationId: number, slug: string): Promise<Team | null>;
  listTeams(organizationId: number): Promise<Team[]>;
  /** Deletes the team; its projects stay in the organization. */
  deleteTeam(id: number): Promise<boolean>;

  /** True when the user was not yet on the team. */
  addTeamMember(teamId: number, userId: number): Promise<boolean>;
  removeTeamMember(teamId: number, userId: number): Promise<boolean>;
  listTeamMemberships(organizationId: number): Promise<TeamMembership[]>;

  addProjectTeam(teamId: number, projectId: number): Promise<void>;
  listProjectTeams(organizationId: number): Promise<ProjectTeam[]>;
}
