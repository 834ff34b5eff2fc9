import type {
  Investigation,
  InvestigationPatch,
  InvestigationTrigger,
} from '../investigations/investigation.ts';

export interface InvestigationStore {
  create(input: {
    issueId: number;
    projectId: number;
    trigger: InvestigationTrigger;
    createdAt: Date;
  }): Promise<Investigation>;
  get(id: number): Promise<Investigation | null>;
  update(id: number, patch: InvestigationPatch): Promise<Investigation | null>;
  /** Newest first. */
  listForIssue(issueId: number, options: { limit: number; offset: number }): Promise<Investigation[]>;
  /** Newest first, across projects (an organization's list). */
  listForProjects(projectIds: number[], options: { limit: number; offset: number }): Promise<Investigation[]>;
  /** A completed investigation of this issue at this commit and event: the cache hit. */
  findCompleted(
    issueId: number,
    commitSha: string | null,
    eventId: string | null,
  ): Promise<Investigation | null>;
}
