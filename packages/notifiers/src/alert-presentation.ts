import { ALERT_KIND_LABELS, type AlertMessage, type Severity } from '@fixloop/core';

export const SEVERITY_EMOJI: Readonly<Record<Severity, string>> = {
  blocking: '🔴',
  annoying: '🟠',
  warning: '🟡',
  info: '🔵',
};

/** Decimal RGB, as Discord embeds want it. */
export const SEVERITY_COLOR: Readonly<Record<Severity, number>> = {
  blocking: 0xd92d20,
  annoying: 0xf79009,
  warning: 0xfdb022,
  info: 0x2e90fa,
};

/** The one-line heading every channel starts with: "🔴 New issue: TypeError …". */
export function alertHeadline(message: AlertMessage): string {
  const label = ALERT_KIND_LABELS[message.kind];
  if (message.digest) return `${label}: ${message.digest.items.length} alerts held back`;
  if (!message.issue) return message.kind === 'test' ? 'Fixloop test message' : label;
  return `${SEVERITY_EMOJI[message.issue.severity]} ${label}: ${message.issue.title}`;
}

/** "shop · production · 2.1.0": where the problem comes from. */
export function alertSource(message: AlertMessage): string {
  const issue = message.issue;
  if (!issue) return '';
  return [issue.project.name, issue.environment, issue.release].filter(Boolean).join(' · ');
}

export function spikeLine(message: AlertMessage): string | null {
  const spike = message.spike;
  if (!spike) return null;
  const baseline = spike.baselinePerWindow > 0 ? `, ${spike.baselinePerWindow.toFixed(1)} usually` : '';
  return `${spike.count} events in ${spike.windowMinutes} min${baseline}`;
}

export function fixStatusLine(message: AlertMessage): string | null {
  const pipeline = message.pipeline;
  if (!pipeline || pipeline.fixStatus === 'none') return null;
  const commit = pipeline.commitSha ? ` (commit ${pipeline.commitSha.slice(0, 12)})` : '';
  return `${pipeline.fixStatus.replace('_', ' ')}${commit}`;
}

const DIGEST_REASONS = {
  burst: 'a burst of alerts',
  quiet_hours: 'quiet hours',
  rate_limited: 'the channel rate limit',
} as const;

export function digestIntro(message: AlertMessage): string {
  const digest = message.digest;
  if (!digest) return '';
  return `${digest.items.length} alerts were held back because of ${DIGEST_REASONS[digest.reason]}.`;
}
