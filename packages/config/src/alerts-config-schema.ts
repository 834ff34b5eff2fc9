// Only the zod-only schema modules of the notifiers are imported: no SMTP or HTTP driver comes along.
import { alertRuleSchema, channelPolicySchema } from '@fixloop/notifiers/alert-rule-schema';
import { channelConfigSchema } from '@fixloop/notifiers/channel-config-schemas';
import { CHANNEL_KINDS } from '@fixloop/core';
import { z } from 'zod';

const KEY = /^[a-z0-9][a-z0-9_.-]{0,79}$/;
const META_KEYS = ['name', 'enabled', 'quietHours', 'maxPerMinute', 'allowPrivateNetworks', 'systemAlerts'];

/**
 * A channel in the config file: its name and policy beside the channel kind's own settings (validated with
 * the notifier's schema, so the file and the Web API accept exactly the same configurations).
 */
const channelSchema = z
  .looseObject({
    name: z.string().min(1).max(100),
    kind: z.enum(CHANNEL_KINDS),
    enabled: z.boolean().default(true),
    allowPrivateNetworks: z.boolean().default(false),
    systemAlerts: z.boolean().default(false),
  })
  .and(channelPolicySchema)
  .transform((input, ctx) => {
    const settings = Object.fromEntries(Object.entries(input).filter(([key]) => !META_KEYS.includes(key)));
    const parsed = channelConfigSchema.safeParse(settings);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      }
      return z.NEVER;
    }
    const unknown = Object.keys(settings).filter((key) => !(key in parsed.data));
    for (const key of unknown) ctx.addIssue({ code: 'custom', path: [key], message: 'unknown key' });
    if (unknown.length > 0) return z.NEVER;
    return {
      name: input.name,
      kind: input.kind,
      enabled: input.enabled,
      allowPrivateNetworks: input.allowPrivateNetworks,
      systemAlerts: input.systemAlerts,
      policy: { quietHours: input.quietHours, maxPerMinute: input.maxPerMinute },
      config: parsed.data as Record<string, unknown>,
    };
  });

/** Rules name channels by their config-file name, or by kind (every enabled channel of that kind). */
const ruleSchema = alertRuleSchema.omit({ id: true, channels: true }).extend({
  key: z.string().regex(KEY, { error: 'must be a lowercase key (a-z, 0-9, ".", "-", "_")' }),
  channels: z
    .array(
      z.union([
        z.strictObject({ channel: z.string().min(1) }),
        z.strictObject({ channelKind: z.enum(CHANNEL_KINDS) }),
      ]),
    )
    .min(1),
});

export const organizationAlertsSchema = z
  .strictObject({
    channels: z.array(channelSchema).default([]),
    /** Organization-wide rules. */
    rules: z.array(ruleSchema).default([]),
  })
  .superRefine((alerts, ctx) => {
    const names = new Set<string>();
    alerts.channels.forEach((channel, i) => {
      if (names.has(channel.name))
        ctx.addIssue({
          code: 'custom',
          path: ['channels', i, 'name'],
          message: `duplicate channel "${channel.name}"`,
        });
      names.add(channel.name);
    });
  });

export const projectAlertsSchema = z.strictObject({
  /** Seed the default rules (new blocking issue, 10-minute critical check, daily summary). */
  defaults: z.boolean().default(true),
  rules: z.array(ruleSchema).default([]),
});

export type ChannelConfigEntry = z.output<typeof channelSchema>;
export type AlertRuleConfigEntry = z.output<typeof ruleSchema>;
export type OrganizationAlertsConfig = z.output<typeof organizationAlertsSchema>;
export type ProjectAlertsConfig = z.output<typeof projectAlertsSchema>;

type Issue = { path: (string | number)[]; message: string };

/**
 * Rules may only name channels of their own organization, and keys must be unique within it (project rules
 * included): returns the problems with their paths relative to the organization.
 */
export function checkAlertReferences(organization: {
  alerts?: OrganizationAlertsConfig;
  projects: { alerts?: ProjectAlertsConfig }[];
}): Issue[] {
  const names = new Set((organization.alerts?.channels ?? []).map((c) => c.name));
  const keys = new Set<string>();
  const issues: Issue[] = [];
  const check = (rules: AlertRuleConfigEntry[], path: (string | number)[]) =>
    rules.forEach((rule, r) => {
      if (keys.has(rule.key))
        issues.push({ path: [...path, r, 'key'], message: `duplicate rule key "${rule.key}"` });
      keys.add(rule.key);
      rule.channels.forEach((ref, c) => {
        if ('channel' in ref && !names.has(ref.channel))
          issues.push({
            path: [...path, r, 'channels', c, 'channel'],
            message: `no channel named "${ref.channel}"`,
          });
      });
    });
  check(organization.alerts?.rules ?? [], ['alerts', 'rules']);
  organization.projects.forEach((project, p) =>
    check(project.alerts?.rules ?? [], ['projects', p, 'alerts', 'rules']),
  );
  return issues;
}
