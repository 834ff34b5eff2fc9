import { scrubAlertText, SEVERITIES, trendOf, type DailySummary } from '@fixloop/core';
import { escapeHtml } from '../escape-html.ts';

export function trendLabel(current: number, previous: number): string {
  const trend = trendOf(current, previous);
  if (trend.percent === null) return current > 0 ? 'new' : '—';
  const arrow = trend.direction === 'up' ? '▲' : trend.direction === 'down' ? '▼' : '=';
  return `${arrow} ${Math.abs(trend.percent)}%`;
}

const th = (text: string) => `<th style="text-align:left;padding:4px 12px 4px 0">${escapeHtml(text)}</th>`;
const td = (text: string) => `<td style="padding:4px 12px 4px 0">${text}</td>`;
const table = (head: string[], rows: string[][]) =>
  `<table style="border-collapse:collapse;font-size:14px"><tr>${head.map(th).join('')}</tr>${rows
    .map((cells) => `<tr>${cells.map(td).join('')}</tr>`)
    .join('')}</table>`;

/**
 * The sections shared by the daily summary and the weekly report: totals, by severity, by project and the
 * top issues, each against the previous period. Issue titles are scrubbed here, as they leave Fixloop.
 */
export function renderSummarySections(summary: DailySummary): { html: string; text: string } {
  const severityRows = SEVERITIES.map(
    (s) => [s, summary.bySeverity[s], summary.previousBySeverity[s]] as const,
  );
  const topIssues = summary.topIssues.map((issue) => ({ ...issue, title: scrubAlertText(issue.title) }));
  const html = [
    `<p><b>${summary.totalEvents}</b> events (${escapeHtml(trendLabel(summary.totalEvents, summary.previousTotalEvents))}), <b>${summary.newIssues}</b> new issues (${escapeHtml(trendLabel(summary.newIssues, summary.previousNewIssues))})</p>`,
    '<h2 style="font-size:15px">By severity</h2>',
    table(
      ['Severity', 'Events', 'Trend'],
      severityRows.map(([s, now, before]) => [
        escapeHtml(s),
        String(now),
        escapeHtml(trendLabel(now, before)),
      ]),
    ),
    '<h2 style="font-size:15px">By project</h2>',
    table(
      ['Project', 'Events', 'Trend', 'New issues'],
      summary.byProject.map((p) => [
        escapeHtml(p.name),
        String(p.events),
        escapeHtml(trendLabel(p.events, p.previousEvents)),
        String(p.newIssues),
      ]),
    ),
    '<h2 style="font-size:15px">Top issues</h2>',
    table(
      ['Issue', 'Severity', 'Events', 'Users'],
      topIssues.map((i) => [
        `<a href="${escapeHtml(i.url)}">${escapeHtml(`${i.shortId} ${i.title}`)}</a>`,
        escapeHtml(i.severity),
        String(i.count),
        String(i.userCount),
      ]),
    ),
  ].join('\n');
  const text = [
    `${summary.totalEvents} events (${trendLabel(summary.totalEvents, summary.previousTotalEvents)}), ${summary.newIssues} new issues (${trendLabel(summary.newIssues, summary.previousNewIssues)})`,
    '',
    'By severity:',
    ...severityRows.map(([s, now, before]) => `  ${s}: ${now} (${trendLabel(now, before)})`),
    '',
    'By project:',
    ...summary.byProject.map(
      (p) => `  ${p.name}: ${p.events} (${trendLabel(p.events, p.previousEvents)}), ${p.newIssues} new`,
    ),
    '',
    'Top issues:',
    ...topIssues.map(
      (i) => `  ${i.shortId} ${i.title} [${i.severity}] ${i.count} events, ${i.userCount} users ${i.url}`,
    ),
  ].join('\n');
  return { html, text };
}
