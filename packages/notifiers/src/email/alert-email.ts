import { ALERT_KIND_LABELS, type AlertMessage } from '@fixloop/core';
import { alertHeadline, alertSource, digestIntro, fixStatusLine, spikeLine } from '../alert-presentation.ts';
import { escapeHtml } from '../escape-html.ts';
import { detailsTable, emailLayout, type RenderedEmail } from './email-layout.ts';

function detailRows(message: AlertMessage): Array<readonly [string, string]> {
  const issue = message.issue;
  const rows: Array<readonly [string, string] | null> = issue
    ? [
        ['Issue', issue.shortId],
        ['Severity', `${issue.severity} (${issue.level})`],
        ['Source', alertSource(message)],
        ['Events', String(issue.count)],
        ['Users', String(issue.userCount)],
        ['Location', issue.location ?? issue.culprit],
        ['First seen', issue.firstSeen.toISOString()],
      ]
    : [];
  const spike = spikeLine(message);
  const fix = fixStatusLine(message);
  rows.push(
    spike ? ['Spike', spike] : null,
    message.pipeline?.rootCause ? ['Root cause', message.pipeline.rootCause] : null,
    message.pipeline?.relatedFiles.length
      ? ['Related files', message.pipeline.relatedFiles.join(', ')]
      : null,
    fix ? ['Fix', fix] : null,
    message.ruleName ? ['Rule', message.ruleName] : null,
  );
  return rows.filter((row): row is readonly [string, string] => row !== null);
}

function digestParts(message: AlertMessage): { html: string; text: string[] } {
  const items = message.digest?.items ?? [];
  const html = items
    .map((item) => {
      const label = escapeHtml(`${item.shortId ?? item.kind} ${item.title}`);
      return `<li>${item.url ? `<a href="${escapeHtml(item.url)}">${label}</a>` : label}</li>`;
    })
    .join('');
  const text = items.map(
    (item) => `- ${item.shortId ?? item.kind} ${item.title}${item.url ? ` ${item.url}` : ''}`,
  );
  return { html: items.length ? `<p>${escapeHtml(digestIntro(message))}</p><ul>${html}</ul>` : '', text };
}

/** Subject, HTML and text for one alert or digest; call on a sanitized message. */
export function renderAlertEmail(message: AlertMessage): RenderedEmail {
  const issue = message.issue;
  const link = issue?.url ?? message.dashboardUrl;
  const headline = alertHeadline(message);
  const subjectCore = issue
    ? `${ALERT_KIND_LABELS[message.kind]}: ${issue.title} (${issue.shortId})`
    : headline;
  const rows = detailRows(message);
  const digest = digestParts(message);
  const stack = issue?.stackExcerpt;
  const body = [
    rows.length ? detailsTable(rows) : '',
    stack
      ? `<pre style="background:#f5f5f4;padding:12px;font-size:12px;overflow:auto">${escapeHtml(stack)}</pre>`
      : '',
    digest.html,
    `<p><a href="${escapeHtml(link)}" style="font-weight:600">${issue ? `Open ${escapeHtml(issue.shortId)} in Fixloop` : 'Open Fixloop'}</a></p>`,
  ].join('\n');
  const text = [
    headline,
    '',
    ...rows.map(([key, value]) => `${key}: ${value}`),
    ...(stack ? ['', stack] : []),
    ...digest.text,
    '',
    `Open in Fixloop: ${link}`,
  ].join('\n');
  return {
    subject: `[Fixloop] ${subjectCore}`.slice(0, 200),
    html: emailLayout(headline, body, message.dashboardUrl),
    text,
  };
}
