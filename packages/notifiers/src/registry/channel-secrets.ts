import type { ChannelKind } from '@fixloop/core';
import { SecretBox } from '../security/secret-box.ts';

/** The fields of each channel's configuration that are stored encrypted. */
export const CHANNEL_SECRET_FIELDS: Readonly<Record<ChannelKind, readonly string[]>> = {
  slack: ['webhookUrl', 'botToken', 'signingSecret'],
  telegram: ['botToken'],
  email: ['password'],
  discord: ['webhookUrl'],
  webhook: ['secret'],
  pagerduty: ['routingKey'],
};

type RawConfig = Record<string, unknown>;

function mapSecrets(config: RawConfig, map: (value: string) => string): RawConfig {
  const fields = CHANNEL_SECRET_FIELDS[config.kind as ChannelKind] ?? [];
  const out = { ...config };
  for (const field of fields) {
    const value = out[field];
    if (typeof value === 'string') out[field] = map(value);
  }
  return out;
}

/** Encrypts the secret fields of a channel configuration before it is stored (already sealed ones are kept). */
export function sealChannelSecrets(config: RawConfig, box: SecretBox): RawConfig {
  return mapSecrets(config, (value) => (SecretBox.isSealed(value) ? value : box.seal(value)));
}

/** Decrypts the secret fields of a stored configuration; plain values pass through unchanged. */
export function openChannelSecrets(config: RawConfig, box: SecretBox): RawConfig {
  return mapSecrets(config, (value) => (SecretBox.isSealed(value) ? box.open(value) : value));
}

/** The configuration as settings screens and the API may show it: secrets replaced by a marker. */
export function redactChannelSecrets(config: RawConfig): RawConfig {
  return mapSecrets(config, () => '[secret]');
}
