import type { Project, ProjectTeam, Storage, Team, TeamMembership } from '@fixloop/core';

/**
 * Who is on which team and which team owns which project, in one organization, loaded at once so
 * list endpoints serialize without a query per row.
 */
export class TeamDirectory {
  private constructor(
    readonly teams: Team[],
    private readonly memberships: TeamMembership[],
    private readonly projectTeams: ProjectTeam[],
    private readonly projects: Project[],
  ) {}

  static async load(storage: Storage, organizationId: number): Promise<TeamDirectory> {
    const [teams, memberships, projectTeams, projects] = await Promise.all([
      storage.teams.listTeams(organizationId),
      storage.teams.listTeamMemberships(organizationId),
      storage.teams.listProjectTeams(organizationId),
      storage.projects.listProjects(organizationId),
    ]);
    return new TeamDirectory(teams, memberships, projectTeams, projects);
  }

  teamsOfProject(projectId: number): Team[] {
    const ids = new Set(this.projectTeams.filter((p) => p.projectId === projectId).map((p) => p.teamId));
    return this.teams.filter((t) => ids.has(t.id));
  }

  teamsOfUser(userId: number): Team[] {
    const ids = new Set(this.memberships.filter((m) => m.userId === userId).map((m) => m.teamId));
    return this.teams.filter((t) => ids.has(t.id));
  }

  memberIds(teamId: number): number[] {
    return this.memberships.filter((m) => m.teamId === teamId).map((m) => m.userId);
  }

  projectsOf(teamId: number): Project[] {
    const ids = new Set(this.projectTeams.filter((p) => p.teamId === teamId).map((p) => p.projectId));
    return this.projects.filter((p) => ids.has(p.id));
  }
}
