import { AppError } from '@fixloop/core';
import type { Clock, Investigation, Issue, LlmUsage, Project, Storage } from '@fixloop/core';
import { renderReportMarkdown, runbookKey, runInvestigation } from '@fixloop/investigation';
import type { InvestigationAnalyzer, InvestigationReport } from '@fixloop/investigation';
import type { RepositoryWorkspaces } from './repository-workspaces.ts';

export interface InvestigationPreview {
  report: InvestigationReport;
  markdown: string;
}

export interface InvestigationRunnerDeps {
  storage: Storage;
  clock: Clock;
  workspaces: RepositoryWorkspaces;
  /** The LLM step for a project, when an LLM is configured and enabled. */
  analyzerFor(project: Project, issue: Issue): (InvestigationAnalyzer & { usage?: LlmUsage | null }) | null;
  /** Posts the report as an issue comment; returns the comment id. */
  postComment(issue: Issue, markdown: string): Promise<number | null>;
  log: (line: string) => void;
}

/**
 * Runs one investigation end to end: gathers the issue, its latest event, the repository, resolved
 * look-alikes and runbooks already linked, runs the engine, stores the report, posts it once.
 */
export class InvestigationRunner {
  constructor(private readonly deps: InvestigationRunnerDeps) {}

  /** What an investigation would find and post, without storing or posting anything. */
  async preview(issueId: number): Promise<InvestigationPreview> {
    const { issue, project } = await this.load(issueId);
    const { report } = await this.investigate(issue, project, []);
    return { report, markdown: renderReportMarkdown(report) };
  }

  async run(investigationId: number, options: { force?: boolean } = {}): Promise<Investigation> {
    const { storage, clock } = this.deps;
    const investigation = await storage.investigations.get(investigationId);
    if (investigation === null)
      throw new AppError('not_found', `investigation ${investigationId} does not exist`);
    if (investigation.status === 'completed') return investigation;
    const { issue, project } = await this.load(investigation.issueId);
    await storage.investigations.update(investigation.id, { status: 'running' });
    try {
      const previous = await storage.investigations.listForIssue(issue.id, { limit: 50, offset: 0 });
      const { report, usage } = await this.investigate(issue, project, linkedRunbooks(previous));
      const cached = options.force ? null : await this.cached(issue, report);
      const markdown = renderReportMarkdown(report);
      const commentId =
        cached === null && project.settings.investigation.postComment
          ? await this.deps.postComment(issue, markdown)
          : null;
      const done = await storage.investigations.update(investigation.id, {
        ...reportColumns(report, markdown),
        ...(usage === null
          ? {}
          : {
              promptTokens: usage.promptTokens,
              completionTokens: usage.completionTokens,
              costUsd: usage.costUsd,
            }),
        ...(cached === null
          ? {}
          : { summary: `${cached.summary ?? report.summary} (unchanged since investigation ${cached.id})` }),
        commentId,
        status: 'completed',
        finishedAt: clock.now(),
      });
      return done ?? investigation;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await storage.investigations.update(investigation.id, {
        status: 'failed',
        error: message,
        finishedAt: clock.now(),
      });
      throw error;
    }
  }

  private async investigate(
    issue: Issue,
    project: Project,
    linked: string[],
  ): Promise<{ report: InvestigationReport; usage: LlmUsage | null }> {
    const { storage, workspaces, clock } = this.deps;
    const [latest] = await storage.events.listIssueEvents(issue.id, { limit: 1, offset: 0 });
    const repository = await workspaces.forProject(project);
    const resolved = await storage.issues.listIssues({
      projectIds: [project.id],
      status: ['resolved'],
      sort: 'date',
      limit: 200,
      offset: 0,
    });
    const analyzer = this.deps.analyzerFor(project, issue);
    const shortId = `${project.slug.toUpperCase()}-${issue.shortId}`;
    const result = await runInvestigation(
      {
        issue: { ...issue, shortId },
        event: latest ?? null,
        settings: repository?.settings ?? null,
        resolvedIssues: resolved.issues
          .filter((candidate) => candidate.id !== issue.id)
          .map((candidate) => ({
            id: candidate.id,
            shortId: `${project.slug.toUpperCase()}-${candidate.shortId}`,
            title: candidate.title,
            type: candidate.metadata.type ?? null,
            culprit: candidate.culprit,
            resolvedAt: candidate.resolvedAt?.toISOString() ?? null,
          })),
        linkedRunbooks: linked,
      },
      {
        ...(repository === null ? {} : { git: repository.git, codeSearch: repository.codeSearch }),
        ...(analyzer === null ? {} : { analyzer }),
        clock,
      },
    );
    return { report: result.report, usage: analyzer?.usage ?? null };
  }

  private async cached(issue: Issue, report: InvestigationReport): Promise<Investigation | null> {
    return this.deps.storage.investigations.findCompleted(
      issue.id,
      report.repository?.commit ?? null,
      report.eventId,
    );
  }

  private async load(issueId: number): Promise<{ issue: Issue; project: Project }> {
    const issue = await this.deps.storage.issues.getIssue(issueId);
    if (issue === null) throw new AppError('not_found', `issue ${issueId} does not exist`);
    const project = await this.deps.storage.projects.getProject(issue.projectId);
    if (project === null) throw new AppError('not_found', `project ${issue.projectId} does not exist`);
    return { issue, project };
  }
}

function reportColumns(report: InvestigationReport, markdown: string) {
  return {
    eventId: report.eventId,
    commitSha: report.repository?.commit ?? null,
    summary: report.summary,
    confidence: report.confidence.score,
    report,
    markdown,
    model: report.analysis?.by ?? null,
  };
}

/** Runbooks any earlier investigation of the issue already linked: never linked twice. */
function linkedRunbooks(previous: Investigation[]): string[] {
  const keys = new Set<string>();
  for (const investigation of previous) {
    const report = investigation.report as InvestigationReport | null;
    if (investigation.status !== 'completed') continue;
    for (const match of report?.runbooks ?? []) if (match.autoLink) keys.add(runbookKey(match.path));
  }
  return [...keys];
}
