import { scrubAlertText, trimText } from '@fixloop/core';
import type { AlertPipelineDetails, AlertIssueSummary } from '@fixloop/core';

export interface SlackReply {
  text: string;
  blocks: Record<string, unknown>[];
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const clean = (text: string, limit: number) => escape(trimText(scrubAlertText(text), limit));

function fixLine(details: AlertPipelineDetails): string {
  if (details.fixStatus === 'none') return 'none yet';
  const commit = details.commitSha ? ` (commit \`${escape(details.commitSha.slice(0, 12))}\`)` : '';
  const link = details.fixUrl ? ` <${details.fixUrl}|view>` : '';
  return `${details.fixStatus.replace('_', ' ')}${commit}${link}`;
}

/** The Know More answer in an alert's thread: root cause, related files, fix status, dashboard link. */
export function buildKnowMoreReply(issue: AlertIssueSummary, details: AlertPipelineDetails): SlackReply {
  const files = details.relatedFiles.slice(0, 10).map((f) => `\`${clean(f, 200)}\``);
  const lines = [
    `*Root cause*: ${details.rootCause ? clean(details.rootCause, 1500) : 'not investigated yet'}`,
    `*Related files*: ${files.length > 0 ? files.join(', ') : 'none found yet'}`,
    `*Fix*: ${fixLine(details)}`,
    `*Dashboard*: <${issue.url}|${escape(issue.shortId)} in Fixloop>`,
  ];
  return {
    text: `${issue.shortId}: ${lines.join('\n')}`.slice(0, 3000),
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `*${clean(issue.shortId, 60)}* ${clean(issue.title, 200)}` },
      },
      { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } },
    ],
  };
}
