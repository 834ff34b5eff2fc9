import type { AlertChannel } from '@fixloop/core';
import { createNotifierRegistry } from '@fixloop/notifiers';
import type { NotifierCreation } from '@fixloop/notifiers';
import type { AlertingContext } from './alerting-context.ts';

/**
 * The notifier of a stored channel: secrets opened with the SecretBox, configuration re-validated, and
 * outgoing URLs checked against the SSRF policy unless the channel allows private networks.
 */
export function createChannelNotifier(context: AlertingContext, channel: AlertChannel): NotifierCreation {
  const registry = createNotifierRegistry(
    { ...context.notifierOptions, clock: context.clock, allowPrivateNetworks: channel.allowPrivateNetworks },
    context.secretBox,
  );
  return registry.create(channel.config);
}
