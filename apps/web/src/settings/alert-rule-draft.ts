import type { ChannelKind } from '../api/use-alert-channels.ts';
import type { AlertRule, AlertRuleInput, AlertTrigger } from '../api/use-alert-rules.ts';

export const SIMPLE_TRIGGERS = [
  'new_issue',
  'regression',
  'critical_event',
  'user_report',
  'resolved',
] as const;
export type SimpleTrigger = (typeof SIMPLE_TRIGGERS)[number];

export const TRIGGER_LABELS: Record<AlertTrigger['type'], string> = {
  new_issue: 'New issue',
  regression: 'Regression',
  critical_event: 'Critical event',
  user_report: 'User report',
  resolved: 'Resolved',
  spike: 'Error spike',
  pipeline: 'Pipeline step',
  schedule: 'Scheduled report',
};

/** The rule form; numbers stay strings while typed, lists are comma-separated text. */
export interface RuleDraft {
  name: string;
  simple: SimpleTrigger[];
  spike: { on: boolean; windowMinutes: string; minEvents: string; ratio: string };
  pipeline: { on: boolean; events: string[] };
  schedule: { on: boolean; cron: string; report: string };
  environments: string;
  levels: string[];
  severities: string[];
  errorClasses: string[];
  tags: string;
  releases: string;
  channelIds: string[];
  channelKinds: ChannelKind[];
  throttleMinutes: string;
  digestThreshold: string;
}

const list = (text: string) => text.split(/[\s,]+/).filter(Boolean);

export function toRuleDraft(rule?: AlertRule): RuleDraft {
  const find = <T extends AlertTrigger['type']>(type: T) =>
    rule?.triggers.find((t): t is Extract<AlertTrigger, { type: T }> => t.type === type);
  const spike = find('spike');
  const pipeline = find('pipeline');
  const schedule = find('schedule');
  const f = rule?.filters ?? {};
  return {
    name: rule?.name ?? '',
    simple: SIMPLE_TRIGGERS.filter((type) => rule?.triggers.some((t) => t.type === type)),
    spike: {
      on: spike !== undefined,
      windowMinutes: String(spike?.windowMinutes ?? 10),
      minEvents: String(spike?.minEvents ?? 20),
      ratio: String(spike?.ratio ?? 3),
    },
    pipeline: { on: pipeline !== undefined, events: pipeline?.events ?? [] },
    schedule: {
      on: schedule !== undefined,
      cron: schedule?.cron ?? '0 9 * * *',
      report: schedule?.report ?? 'daily_summary',
    },
    environments: (f.environments ?? []).join(', '),
    levels: f.levels ?? [],
    severities: f.severities ?? [],
    errorClasses: f.errorClasses ?? [],
    tags: Object.entries(f.tags ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(', '),
    releases: (f.releases ?? []).join(', '),
    channelIds: (rule?.channels ?? []).flatMap((c) => ('channelId' in c ? [c.channelId] : [])),
    channelKinds: (rule?.channels ?? []).flatMap((c) => ('channelKind' in c ? [c.channelKind] : [])),
    throttleMinutes: String(rule?.throttle.windowMinutes ?? 30),
    digestThreshold: String(rule?.throttle.digestThreshold ?? 10),
  };
}

function toTriggers(d: RuleDraft): AlertTrigger[] {
  return [
    ...d.simple.map((type) => ({ type })),
    ...(d.spike.on
      ? [
          {
            type: 'spike' as const,
            windowMinutes: Number(d.spike.windowMinutes),
            minEvents: Number(d.spike.minEvents),
            ratio: Number(d.spike.ratio),
          },
        ]
      : []),
    ...(d.pipeline.on ? [{ type: 'pipeline' as const, events: d.pipeline.events }] : []),
    ...(d.schedule.on
      ? [
          {
            type: 'schedule' as const,
            cron: d.schedule.cron.trim(),
            report: d.schedule.report as 'daily_summary',
          },
        ]
      : []),
  ];
}

/** The POST/PUT body: every part of the rule (PUT replaces each field it names). Empty filters are left out. */
export function toRuleBody(d: RuleDraft): AlertRuleInput {
  const tags = Object.fromEntries(
    d.tags
      .split(/[,\n]/)
      .map((pair) => pair.trim())
      .flatMap((pair) => {
        const at = pair.indexOf('=');
        return at > 0 ? [[pair.slice(0, at).trim(), pair.slice(at + 1).trim()]] : [];
      }),
  );
  const filters = {
    ...(list(d.environments).length ? { environments: list(d.environments) } : {}),
    ...(d.levels.length ? { levels: d.levels } : {}),
    ...(d.severities.length ? { severities: d.severities } : {}),
    ...(d.errorClasses.length ? { errorClasses: d.errorClasses } : {}),
    ...(Object.keys(tags).length ? { tags } : {}),
    ...(list(d.releases).length ? { releases: list(d.releases) } : {}),
  };
  return {
    name: d.name.trim(),
    triggers: toTriggers(d),
    filters,
    channels: [
      ...d.channelIds.map((channelId) => ({ channelId })),
      ...d.channelKinds.map((channelKind) => ({ channelKind })),
    ],
    throttle: { windowMinutes: Number(d.throttleMinutes), digestThreshold: Number(d.digestThreshold) },
  };
}

/** Why the form cannot be saved yet, or null. */
export function ruleDraftProblem(d: RuleDraft): string | null {
  if (!d.name.trim()) return 'Name the rule.';
  if (toTriggers(d).length === 0) return 'Pick at least one trigger.';
  if (d.pipeline.on && d.pipeline.events.length === 0) return 'Pick the pipeline steps to alert on.';
  if (d.channelIds.length + d.channelKinds.length === 0) return 'Pick at least one channel.';
  return null;
}
