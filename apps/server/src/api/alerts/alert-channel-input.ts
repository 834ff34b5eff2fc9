import { AppError, CHANNEL_KINDS } from '@fixloop/core';
import type { ChannelKind } from '@fixloop/core';
import { channelPolicySchema } from '@fixloop/notifiers/alert-rule-schema';
import { checkOutgoingUrl, createNotifierRegistry, sealChannelSecrets } from '@fixloop/notifiers';
import type { SecretBox } from '@fixloop/notifiers';
import { z } from 'zod';

/** Fields of channel configurations that name a host Fixloop will connect to. */
const URL_FIELDS = ['webhookUrl', 'url', 'apiBaseUrl'];

// The policy fields without their defaults (zod applies a default even to an optional field): an update
// that leaves them out keeps the stored quiet hours and rate limit; `null` clears them.
const policyFields = {
  quietHours: channelPolicySchema.shape.quietHours.unwrap().optional(),
  maxPerMinute: channelPolicySchema.shape.maxPerMinute.unwrap().optional(),
  enabled: z.boolean().optional(),
  allowPrivateNetworks: z.boolean().optional(),
  systemAlerts: z.boolean().optional(),
};

export const createChannelBody = z.object({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(CHANNEL_KINDS),
  /** The channel kind's settings (see docs/alerting.md); secrets are sealed before they are stored. */
  config: z.record(z.string(), z.unknown()),
  ...policyFields,
});

export const updateChannelBody = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  /** Merged into the stored settings: a secret left out is kept, `null` removes a field. */
  config: z.record(z.string(), z.unknown()).optional(),
  ...policyFields,
});

function invalid(field: string, message: string): AppError {
  return new AppError('bad_request', `Invalid body field "${field}": ${message}`, {
    fields: { [field]: [message] },
  });
}

/**
 * Validates a channel configuration with the channel's own schema (opening already sealed secrets), refuses
 * outgoing URLs that resolve to private networks unless allowed, and returns it with its secrets sealed.
 */
export async function prepareChannelConfig(
  kind: ChannelKind,
  raw: Record<string, unknown>,
  box: SecretBox,
  allowPrivateNetworks: boolean,
): Promise<Record<string, unknown>> {
  const config = Object.fromEntries(Object.entries({ ...raw, kind }).filter(([, value]) => value !== null));
  const created = createNotifierRegistry({}, box).create(config);
  if (!created.ok) {
    const first = created.issues[0];
    throw invalid(
      first ? `config.${first.path}`.replace(/\.$/, '') : 'config',
      first?.message ?? created.error,
    );
  }
  const host = (created.config as Record<string, unknown>)['host'];
  if (kind === 'email' && typeof host === 'string' && raw['host'] !== undefined) {
    // An SMTP connection is an outgoing request too: same policy, or the test message probes the LAN.
    const asUrl = `http://${host.includes(':') ? `[${host}]` : host}/`;
    const verdict = await checkOutgoingUrl(asUrl, { allowPrivate: allowPrivateNetworks });
    if (!verdict.ok) throw invalid('config.host', `not allowed: ${verdict.reason}`);
  }
  for (const field of URL_FIELDS) {
    // Only what the admin typed is checked here (defaults are public); sends are checked again anyway.
    const value = (created.config as Record<string, unknown>)[field];
    if (typeof value !== 'string' || raw[field] === undefined) continue;
    const verdict = await checkOutgoingUrl(value, { allowPrivate: allowPrivateNetworks });
    if (!verdict.ok) throw invalid(`config.${field}`, `not allowed: ${verdict.reason}`);
  }
  return sealChannelSecrets(config, box);
}
