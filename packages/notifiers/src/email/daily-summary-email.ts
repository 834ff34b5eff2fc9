import type { DailySummary } from '@fixloop/core';
import { emailLayout, type RenderedEmail } from './email-layout.ts';
import { renderSummarySections, trendLabel } from './summary-sections.ts';

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The daily e-mail: the last 24 h by severity, project and top issues, with the trend against the day before. */
export function renderDailySummaryEmail(summary: DailySummary): RenderedEmail {
  const title = `Daily summary for ${day(summary.periodEnd)}`;
  const sections = renderSummarySections(summary);
  const trend = trendLabel(summary.totalEvents, summary.previousTotalEvents);
  return {
    subject: `[Fixloop] ${title}: ${summary.totalEvents} events (${trend}), ${summary.newIssues} new issues`,
    html: emailLayout(title, sections.html, summary.dashboardUrl),
    text: `${title}\n\n${sections.text}\n\nDashboard: ${summary.dashboardUrl}`,
  };
}
