export const CHANNEL_KINDS = ['slack', 'telegram', 'email', 'discord', 'webhook', 'pagerduty'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
