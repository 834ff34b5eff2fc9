import type { AlertChannel } from '@fixloop/core';
import { CHANNEL_SECRET_FIELDS } from '@fixloop/notifiers';

/**
 * A channel as the API shows it: the configuration WITHOUT its secret fields (not even sealed), which of
 * them are set, and the integration URLs to paste into Slack or Telegram.
 */
export function serializeAlertChannel(
  channel: AlertChannel,
  organizationSlug: string,
  urls: { telegramWebhookUrl?: string; slackInteractivityUrl?: string; slackCommandsUrl?: string } = {},
): Record<string, unknown> {
  const secretFields = CHANNEL_SECRET_FIELDS[channel.kind];
  const config = Object.fromEntries(
    Object.entries(channel.config).filter(([key]) => !secretFields.includes(key)),
  );
  const setSecrets = secretFields.filter((key) => typeof channel.config[key] === 'string');
  return {
    id: String(channel.id),
    organization: organizationSlug,
    kind: channel.kind,
    name: channel.name,
    enabled: channel.enabled,
    source: channel.source,
    config,
    hasSecret: setSecrets.length > 0,
    secretFields: setSecrets,
    quietHours: channel.policy.quietHours,
    maxPerMinute: channel.policy.maxPerMinute,
    allowPrivateNetworks: channel.allowPrivateNetworks,
    systemAlerts: channel.systemAlerts,
    ...urls,
    dateCreated: channel.createdAt.toISOString(),
    dateUpdated: channel.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a channel: no configuration at all (it may hold recipients). */
export function auditChannelView(channel: AlertChannel): Record<string, unknown> {
  return {
    kind: channel.kind,
    name: channel.name,
    enabled: channel.enabled,
    policy: channel.policy,
    allowPrivateNetworks: channel.allowPrivateNetworks,
    systemAlerts: channel.systemAlerts,
    configKeys: Object.keys(channel.config).sort(),
  };
}
