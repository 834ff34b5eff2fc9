import { parseShortId } from '@fixloop/core';
import type { Issue, Project, Storage } from '@fixloop/core';

/** An issue by id or short id (`SHOP-12`), only within the organization's projects; null otherwise. */
export async function findIssueReference(
  storage: Storage,
  organizationId: number,
  reference: string,
): Promise<{ issue: Issue; project: Project } | null> {
  const projects = await storage.projects.listProjects(organizationId);
  if (/^\d+$/.test(reference)) {
    const issue = await storage.issues.getIssue(Number(reference));
    const project = issue ? projects.find((p) => p.id === issue.projectId) : undefined;
    return issue && project ? { issue, project } : null;
  }
  const short = parseShortId(reference);
  const project = short ? projects.find((p) => p.slug === short.projectSlug) : undefined;
  if (!short || !project) return null;
  const issue = await storage.issues.findIssueByShortId(project.id, short.shortId);
  return issue ? { issue, project } : null;
}
