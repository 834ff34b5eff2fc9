import { effectiveSeverity, formatShortId, issueUrl } from '@fixloop/core';
import type { Issue, Project, Storage } from '@fixloop/core';
import { telegramHelpText } from '@fixloop/notifiers';
import type { TelegramCommand } from '@fixloop/notifiers';
import { findIssueReference } from './find-issue-reference.ts';
import { investigateIssueFromChat } from './investigate-issue-command.ts';
import { resolveIssueFromChat } from './resolve-issue-command.ts';

export interface CommandContext {
  storage: Storage;
  organizationId: number;
  baseUrl: string;
  now: Date;
  /** `telegram:<chat id>`, for the audit log and activity. */
  actor: string;
}

const HOUR_MS = 3_600_000;
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function issueLine(issue: Issue, project: Project, baseUrl: string): string {
  const shortId = formatShortId(project.slug, issue.shortId);
  return `<a href="${issueUrl(baseUrl, issue.id)}">${shortId}</a> ${escapeHtml(issue.title.slice(0, 120))} · ${issue.timesSeen} events · ${effectiveSeverity(issue)}`;
}

/** `/errors [component] [hours]`: unresolved issues seen recently, for one project (slug) or text match. */
async function recentErrors(ctx: CommandContext, component: string | null, hours: number): Promise<string> {
  const projects = await ctx.storage.projects.listProjects(ctx.organizationId);
  const byComponent = component ? projects.filter((p) => p.slug === component.toLowerCase()) : [];
  const scope = byComponent.length > 0 ? byComponent : projects;
  const since = ctx.now.getTime() - hours * HOUR_MS;
  const { issues } = await ctx.storage.issues.listIssues({
    projectIds: scope.map((p) => p.id),
    status: ['unresolved'],
    sort: 'date',
    limit: 100,
    offset: 0,
  });
  const needle = byComponent.length === 0 && component ? component.toLowerCase() : null;
  const recent = issues
    .filter((i) => i.lastSeen.getTime() >= since)
    .filter((i) => needle === null || `${i.title} ${i.culprit}`.toLowerCase().includes(needle))
    .slice(0, 10);
  const what = component ? ` for <b>${escapeHtml(component)}</b>` : '';
  if (recent.length === 0) return `No unresolved errors${what} in the last ${hours} h.`;
  const lines = recent.map((i) =>
    issueLine(i, scope.find((p) => p.id === i.projectId) ?? scope[0]!, ctx.baseUrl),
  );
  return [`<b>Unresolved errors${what}, last ${hours} h</b>`, ...lines].join('\n');
}

/** `/stats [period]`: events, new issues and the busiest issues of the period, against the one before. */
async function stats(ctx: CommandContext, period: string, hours: number): Promise<string> {
  const projects = await ctx.storage.projects.listProjects(ctx.organizationId);
  const ids = projects.map((p) => p.id);
  const end = ctx.now.getTime();
  const current = await ctx.storage.alerts.periodStats(ids, new Date(end - hours * HOUR_MS), ctx.now, 3);
  const previous = await ctx.storage.alerts.periodStats(
    ids,
    new Date(end - 2 * hours * HOUR_MS),
    new Date(end - hours * HOUR_MS),
    0,
  );
  const severity = Object.entries(current.bySeverity)
    .map(([s, n]) => `${s} ${n}`)
    .join(' · ');
  const lines = [
    `<b>Stats for the last ${escapeHtml(period)}</b>`,
    `Events: ${current.totalEvents} (before: ${previous.totalEvents})`,
    `New issues: ${current.newIssues} (before: ${previous.newIssues})`,
    `By severity: ${severity}`,
  ];
  for (const top of current.topIssues) {
    const issue = await ctx.storage.issues.getIssue(top.issueId);
    const project = issue ? projects.find((p) => p.id === issue.projectId) : undefined;
    if (issue && project) lines.push(`${issueLine(issue, project, ctx.baseUrl)} · ${top.events} in period`);
  }
  return lines.join('\n');
}

/**
 * Runs a bot command for an allow-listed chat of the channel's organization and returns the HTML answer.
 * Each maps to what the Web API does: issue list, status change, investigation job, stats.
 */
export async function runTelegramCommand(ctx: CommandContext, command: TelegramCommand): Promise<string> {
  switch (command.name) {
    case 'help':
      return escapeHtml(telegramHelpText());
    case 'errors':
      return recentErrors(ctx, command.component, command.hours);
    case 'stats':
      return stats(ctx, command.period, command.hours);
    case 'resolve': {
      const target = await findIssueReference(ctx.storage, ctx.organizationId, command.issue);
      if (target === null) return `No issue ${escapeHtml(command.issue)} here.`;
      await resolveIssueFromChat(ctx.storage, target, ctx.actor, ctx.now);
      return `Resolved ${issueLine(target.issue, target.project, ctx.baseUrl)}`;
    }
    case 'investigate': {
      const target = await findIssueReference(ctx.storage, ctx.organizationId, command.issue);
      if (target === null) return `No issue ${escapeHtml(command.issue)} here.`;
      await investigateIssueFromChat(ctx.storage, target, ctx.actor, ctx.now);
      return `Investigation queued for ${issueLine(target.issue, target.project, ctx.baseUrl)}`;
    }
  }
}
