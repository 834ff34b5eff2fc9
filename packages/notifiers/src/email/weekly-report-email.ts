import type { WeeklyReport } from '@fixloop/core';
import { escapeHtml } from '../escape-html.ts';
import { detailsTable, emailLayout, type RenderedEmail } from './email-layout.ts';
import { renderSummarySections } from './summary-sections.ts';

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The weekly e-mail: the summary over seven days, the daily curve, and what got resolved and fixed. */
export function renderWeeklyReportEmail(report: WeeklyReport): RenderedEmail {
  const title = `Weekly report ${day(report.periodStart)} – ${day(report.periodEnd)}`;
  const sections = renderSummarySections(report);
  const outcome: Array<readonly [string, string]> = [
    ['Resolved issues', String(report.resolvedIssues)],
    ['Regressions', String(report.regressions)],
    ['Fixes committed', String(report.fixesCommitted)],
  ];
  const peak = Math.max(1, ...report.eventsByDay.map((d) => d.events));
  const bars = report.eventsByDay
    .map((d) => {
      const width = Math.round((d.events / peak) * 200);
      return `<div style="font-size:12px">${escapeHtml(d.day)} <span style="display:inline-block;background:#2e90fa;height:8px;width:${width}px"></span> ${d.events}</div>`;
    })
    .join('');
  return {
    subject: `[Fixloop] ${title}: ${report.totalEvents} events, ${report.resolvedIssues} resolved`,
    html: emailLayout(
      title,
      `${detailsTable(outcome)}\n<h2 style="font-size:15px">Events per day</h2>${bars}\n${sections.html}`,
      report.dashboardUrl,
    ),
    text: [
      title,
      '',
      ...outcome.map(([k, v]) => `${k}: ${v}`),
      '',
      'Events per day:',
      ...report.eventsByDay.map((d) => `  ${d.day}: ${d.events}`),
      '',
      sections.text,
      '',
      `Dashboard: ${report.dashboardUrl}`,
    ].join('\n'),
  };
}
