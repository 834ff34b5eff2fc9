import {
  CHANNEL_KINDS,
  ERROR_CLASSES,
  LEVELS,
  parseCronExpression,
  PIPELINE_ALERT_KINDS,
  SEVERITIES,
  type AlertRule,
  type ChannelThrottlePolicy,
} from '@fixloop/core';
import { z } from 'zod';

const cron = z.string().refine((value) => parseCronExpression(value).ok, {
  error: (issue) => {
    const parsed = parseCronExpression(String(issue.input));
    return parsed.ok ? 'invalid cron expression' : `invalid cron expression: ${parsed.error}`;
  },
});

const ruleTrigger = z.discriminatedUnion('type', [
  z.object({ type: z.literal('new_issue') }),
  z.object({ type: z.literal('regression') }),
  z.object({
    type: z.literal('spike'),
    windowMinutes: z.number().int().min(1).max(1440),
    minEvents: z.number().int().min(1),
    ratio: z.number().min(1),
  }),
  z.object({ type: z.literal('critical_event') }),
  z.object({ type: z.literal('user_report') }),
  z.object({ type: z.literal('resolved') }),
  z.object({ type: z.literal('pipeline'), events: z.array(z.enum(PIPELINE_ALERT_KINDS)).min(1) }),
  z.object({
    type: z.literal('schedule'),
    cron,
    report: z.enum(['daily_summary', 'weekly_report', 'critical_check']),
  }),
]);

/** An alert rule as settings and the API accept it; the output is core's AlertRule. */
export const alertRuleSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  enabled: z.boolean().default(true),
  triggers: z.array(ruleTrigger).min(1),
  filters: z
    .object({
      projectIds: z.array(z.number().int()).optional(),
      environments: z.array(z.string()).optional(),
      levels: z.array(z.enum(LEVELS)).optional(),
      severities: z.array(z.enum(SEVERITIES)).optional(),
      errorClasses: z.array(z.enum(ERROR_CLASSES)).optional(),
      tags: z.record(z.string(), z.string()).optional(),
      releases: z.array(z.string()).optional(),
    })
    .default({}),
  channels: z
    .array(
      z.union([z.object({ channelId: z.string().min(1) }), z.object({ channelKind: z.enum(CHANNEL_KINDS) })]),
    )
    .min(1),
  throttle: z
    .object({
      windowMinutes: z.number().int().min(1).max(1440),
      digestThreshold: z.number().int().min(1),
    })
    .default({ windowMinutes: 30, digestThreshold: 10 }),
  snoozedUntil: z.coerce.date().nullable().default(null),
}) satisfies z.ZodType<AlertRule, unknown>;

const timeOfDay = z.string().regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

/** Per-channel quiet hours and send-rate limit (the throttle's ChannelThrottlePolicy). */
export const channelPolicySchema = z.object({
  quietHours: z
    .object({
      start: timeOfDay,
      end: timeOfDay,
      utcOffsetMinutes: z.number().int().min(-720).max(840).default(0),
      bypassSeverities: z.array(z.enum(SEVERITIES)).optional(),
    })
    .nullable()
    .default(null),
  maxPerMinute: z.number().int().min(1).nullable().default(null),
}) satisfies z.ZodType<ChannelThrottlePolicy, unknown>;
