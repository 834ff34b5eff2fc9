import { trimText, type AlertMessage } from '@fixloop/core';
import {
  alertHeadline,
  alertSource,
  digestIntro,
  fixStatusLine,
  SEVERITY_COLOR,
  spikeLine,
} from '../alert-presentation.ts';

interface EmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

/** Discord renders markdown; backslash-escape what would change the meaning of untrusted text. */
const escapeMarkdown = (text: string): string => text.replace(/([\\`*_~|>[\]])/g, '\\$1');

function fields(message: AlertMessage): EmbedField[] {
  const issue = message.issue;
  const out: EmbedField[] = [];
  if (issue) {
    out.push(
      { name: 'Severity', value: `${issue.severity} (${issue.level})`, inline: true },
      { name: 'Events', value: String(issue.count), inline: true },
      { name: 'Users', value: String(issue.userCount), inline: true },
      { name: 'Source', value: escapeMarkdown(alertSource(message)) || '—', inline: false },
      { name: 'Location', value: escapeMarkdown(issue.location ?? issue.culprit) || '—', inline: false },
    );
  }
  const spike = spikeLine(message);
  if (spike) out.push({ name: 'Spike', value: spike });
  if (message.pipeline?.rootCause)
    out.push({ name: 'Root cause', value: escapeMarkdown(message.pipeline.rootCause) });
  const fix = fixStatusLine(message);
  if (fix) out.push({ name: 'Fix', value: fix });
  return out.map((f) => ({ ...f, value: trimText(f.value, 1024) }));
}

function description(message: AlertMessage): string {
  if (message.digest) {
    const lines = message.digest.items.slice(0, 40).map((item) => {
      const label = escapeMarkdown(`${item.shortId ?? item.kind} ${item.title}`);
      return `• ${item.url ? `[${label}](${item.url})` : label}`;
    });
    return trimText([digestIntro(message), ...lines].join('\n'), 4096);
  }
  const stack = message.issue?.stackExcerpt;
  // Fenced code needs no escaping, only no fence inside it.
  return stack ? '```\n' + stack.replace(/```/g, "'''") + '\n```' : '';
}

/** A Discord webhook body with one embed (call on a sanitized message). */
export function buildDiscordPayload(message: AlertMessage, username?: string): Record<string, unknown> {
  const embed = {
    title: trimText(alertHeadline(message), 256),
    url: message.issue?.url ?? message.dashboardUrl,
    description: description(message),
    color: message.issue ? SEVERITY_COLOR[message.issue.severity] : SEVERITY_COLOR.info,
    fields: fields(message),
    footer: { text: message.ruleName ? `Fixloop · ${message.ruleName}` : 'Fixloop' },
    timestamp: message.createdAt.toISOString(),
  };
  return {
    ...(username ? { username } : {}),
    embeds: [embed],
    // Alert text is user data: never let it ping @everyone or anyone else.
    allowed_mentions: { parse: [] },
  };
}
