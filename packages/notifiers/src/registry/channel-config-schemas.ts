import { z } from 'zod';

const httpUrl = z.url({ protocol: /^https?$/ });
const secret = z.string().min(1);

export const slackChannelConfigSchema = z
  .object({
    kind: z.literal('slack'),
    /** Incoming webhook: simplest, but no threads and no message ids. */
    webhookUrl: httpUrl.optional(),
    /** Bot token (xoxb-…): chat.postMessage, threads, the Know More button. */
    botToken: secret.optional(),
    /** Default channel id for the bot. */
    channel: z.string().min(1).optional(),
    /** Verifies the interactive endpoint's and the slash command's requests. */
    signingSecret: secret.optional(),
    /** Slack channel ids allowed to use the `/fixloop` slash command besides `channel`. */
    allowedChannelIds: z.array(z.string().min(1)).optional(),
    apiBaseUrl: httpUrl.default('https://slack.com/api'),
  })
  .refine((c) => c.webhookUrl !== undefined || c.botToken !== undefined, {
    message: 'set webhookUrl or botToken',
  })
  .refine((c) => c.botToken === undefined || c.channel !== undefined, {
    message: 'a bot token needs a default channel',
    path: ['channel'],
  });

export const telegramChannelConfigSchema = z.object({
  kind: z.literal('telegram'),
  botToken: secret,
  chatId: z.union([z.string().min(1), z.number().int()]).transform(String),
  /** Chats allowed to use the bot's commands; the alert chat is always allowed. */
  allowedChatIds: z.array(z.union([z.string(), z.number().int()]).transform(String)).default([]),
  botUsername: z.string().optional(),
  apiBaseUrl: httpUrl.default('https://api.telegram.org'),
});

export const emailChannelConfigSchema = z.object({
  kind: z.literal('email'),
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(587),
  /** Implicit TLS (port 465). Otherwise STARTTLS is used when the server offers it. */
  secure: z.boolean().default(false),
  requireTls: z.boolean().default(false),
  user: z.string().optional(),
  password: secret.optional(),
  from: z.string().min(3),
  to: z.array(z.email()).min(1),
});

export const discordChannelConfigSchema = z.object({
  kind: z.literal('discord'),
  webhookUrl: httpUrl,
  username: z.string().max(80).optional(),
});

export const webhookChannelConfigSchema = z.object({
  kind: z.literal('webhook'),
  url: httpUrl,
  /** Signs bodies in Sentry-Hook-Signature (hex HMAC-SHA256). */
  secret: secret.optional(),
  /** `sentry`: Sentry integration-platform payloads; `slack`: Slack-style `{text, blocks}`. */
  format: z.enum(['sentry', 'slack']).default('sentry'),
  installationUuid: z.string().default('00000000-0000-4000-8000-000000000000'),
});

export const pagerDutyChannelConfigSchema = z.object({
  kind: z.literal('pagerduty'),
  /** The Events API v2 integration key of the service. */
  routingKey: z.string().length(32),
  apiBaseUrl: httpUrl.default('https://events.pagerduty.com'),
});

export const channelConfigSchema = z.discriminatedUnion('kind', [
  slackChannelConfigSchema,
  telegramChannelConfigSchema,
  emailChannelConfigSchema,
  discordChannelConfigSchema,
  webhookChannelConfigSchema,
  pagerDutyChannelConfigSchema,
]);

export type SlackChannelConfig = z.output<typeof slackChannelConfigSchema>;
export type TelegramChannelConfig = z.output<typeof telegramChannelConfigSchema>;
export type EmailChannelConfig = z.output<typeof emailChannelConfigSchema>;
export type DiscordChannelConfig = z.output<typeof discordChannelConfigSchema>;
export type WebhookChannelConfig = z.output<typeof webhookChannelConfigSchema>;
export type PagerDutyChannelConfig = z.output<typeof pagerDutyChannelConfigSchema>;
export type ChannelConfig = z.output<typeof channelConfigSchema>;
/** What settings/API accept (defaults not yet applied). */
export type ChannelConfigInput = z.input<typeof channelConfigSchema>;
