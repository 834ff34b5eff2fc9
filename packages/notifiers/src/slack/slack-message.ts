import { trimText, type AlertMessage } from '@fixloop/core';
import { alertHeadline, alertSource, digestIntro, fixStatusLine, spikeLine } from '../alert-presentation.ts';

export const KNOW_MORE_ACTION_ID = 'fixloop_know_more';

export type SlackBlock = Record<string, unknown>;
export interface SlackMessage {
  /** The notification fallback; Slack shows it where blocks cannot be rendered. */
  text: string;
  blocks: SlackBlock[];
}

/** Slack mrkdwn needs only these three escaped. */
export const escapeSlack = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const section = (text: string): SlackBlock => ({ type: 'section', text: mrkdwn(text) });

function issueBlocks(message: AlertMessage): SlackBlock[] {
  const issue = message.issue;
  if (!issue) return [];
  const fields = [
    `*Severity*\n${issue.severity} (${issue.level})`,
    `*Source*\n${escapeSlack(alertSource(message))}`,
    `*Events*\n${issue.count}`,
    `*Users*\n${issue.userCount}`,
    `*Location*\n${escapeSlack(issue.location ?? issue.culprit)}`,
    `*Issue*\n<${issue.url}|${escapeSlack(issue.shortId)}>`,
  ];
  const blocks: SlackBlock[] = [{ type: 'section', fields: fields.map(mrkdwn) }];
  const spike = spikeLine(message);
  if (spike) blocks.push(section(`*Spike*: ${spike}`));
  if (issue.stackExcerpt) blocks.push(section('```' + escapeSlack(issue.stackExcerpt) + '```'));
  return blocks;
}

function pipelineBlocks(message: AlertMessage): SlackBlock[] {
  const pipeline = message.pipeline;
  if (!pipeline) return [];
  const lines: string[] = [];
  if (pipeline.rootCause) lines.push(`*Root cause*: ${escapeSlack(pipeline.rootCause)}`);
  if (pipeline.relatedFiles.length > 0) {
    lines.push(`*Related files*: ${pipeline.relatedFiles.map((f) => '`' + escapeSlack(f) + '`').join(', ')}`);
  }
  const fix = fixStatusLine(message);
  if (fix) lines.push(`*Fix*: ${escapeSlack(fix)}${pipeline.fixUrl ? ` <${pipeline.fixUrl}|view>` : ''}`);
  return lines.length > 0 ? [section(lines.join('\n'))] : [];
}

function digestBlocks(message: AlertMessage): SlackBlock[] {
  if (!message.digest) return [];
  const lines = message.digest.items.slice(0, 30).map((item) => {
    const label = escapeSlack(`${item.shortId ?? item.kind} ${item.title}`);
    return `• ${item.url ? `<${item.url}|${label}>` : label}`;
  });
  return [section(digestIntro(message)), section(trimText(lines.join('\n'), 2900))];
}

function actions(message: AlertMessage): SlackBlock[] {
  const issue = message.issue;
  const open = { type: 'button', text: { type: 'plain_text', text: 'Open in Fixloop' } };
  if (!issue) return [{ type: 'actions', elements: [{ ...open, url: message.dashboardUrl }] }];
  const knowMore = {
    type: 'button',
    action_id: KNOW_MORE_ACTION_ID,
    text: { type: 'plain_text', text: 'Know More' },
    value: String(issue.id),
    style: 'primary',
  };
  return [{ type: 'actions', elements: [knowMore, { ...open, url: issue.url }] }];
}

/** Block Kit for an alert (call on a sanitized message). */
export function buildSlackMessage(message: AlertMessage): SlackMessage {
  const headline = alertHeadline(message);
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: headline.slice(0, 150), emoji: true } },
    ...issueBlocks(message),
    ...pipelineBlocks(message),
    ...digestBlocks(message),
    ...actions(message),
  ];
  if (message.ruleName)
    blocks.push({ type: 'context', elements: [mrkdwn(`Rule: ${escapeSlack(message.ruleName)}`)] });
  return { text: headline, blocks };
}
