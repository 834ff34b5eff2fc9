import { trimText, type AlertMessage } from '@fixloop/core';
import { alertHeadline, alertSource, digestIntro, fixStatusLine, spikeLine } from '../alert-presentation.ts';
import { escapeHtml } from '../escape-html.ts';

/** Telegram rejects longer messages. */
export const TELEGRAM_TEXT_LIMIT = 4096;

const link = (url: string, text: string) => `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>`;

function issueLines(message: AlertMessage): string[] {
  const issue = message.issue;
  if (!issue) return [];
  const lines = [
    `${escapeHtml(alertSource(message))}`,
    `Severity: <b>${issue.severity}</b> · ${issue.count} events · ${issue.userCount} users`,
  ];
  if (issue.location ?? issue.culprit)
    lines.push(`Location: <code>${escapeHtml(issue.location ?? issue.culprit)}</code>`);
  const spike = spikeLine(message);
  if (spike) lines.push(`Spike: ${escapeHtml(spike)}`);
  if (issue.stackExcerpt) lines.push(`<pre>${escapeHtml(issue.stackExcerpt)}</pre>`);
  return lines;
}

function pipelineLines(message: AlertMessage): string[] {
  const pipeline = message.pipeline;
  if (!pipeline) return [];
  const lines: string[] = [];
  if (pipeline.rootCause) lines.push(`Root cause: ${escapeHtml(pipeline.rootCause)}`);
  if (pipeline.relatedFiles.length > 0) {
    lines.push(`Files: ${pipeline.relatedFiles.map((f) => `<code>${escapeHtml(f)}</code>`).join(', ')}`);
  }
  const fix = fixStatusLine(message);
  if (fix) lines.push(`Fix: ${escapeHtml(fix)}`);
  return lines;
}

function digestLines(message: AlertMessage): string[] {
  if (!message.digest) return [];
  const items = message.digest.items.slice(0, 40).map((item) => {
    const label = `${item.shortId ?? item.kind} ${item.title}`;
    return `• ${item.url ? link(item.url, label) : escapeHtml(label)}`;
  });
  return [escapeHtml(digestIntro(message)), ...items];
}

/** HTML (Telegram's `parse_mode: HTML` subset) for an alert; call on a sanitized message. */
export function buildTelegramMessage(message: AlertMessage): string {
  const url = message.issue?.url ?? message.dashboardUrl;
  const tail = link(url, message.issue ? `Open ${message.issue.shortId} in Fixloop` : 'Open Fixloop');
  const body = [
    `<b>${escapeHtml(alertHeadline(message))}</b>`,
    ...issueLines(message),
    ...pipelineLines(message),
    ...digestLines(message),
  ].join('\n');
  // Cut the body, never the link: a cut inside a tag would make Telegram reject the whole message.
  const room = TELEGRAM_TEXT_LIMIT - tail.length - 2;
  return `${body.length > room ? trimText(body.replace(/<[^>]*>/g, ''), room) : body}\n\n${tail}`;
}
