/** A group of an organization's members; teams own projects (a project may belong to several). */
export interface Team {
  id: number;
  organizationId: number;
  slug: string;
  name: string;
  createdAt: Date;
}

export interface TeamMembership {
  teamId: number;
  userId: number;
}

export interface ProjectTeam {
  teamId: number;
  projectId: number;
}
