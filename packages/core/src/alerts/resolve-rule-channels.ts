import type { AlertChannel } from './alert-channel.ts';
import type { AlertRuleChannelRef } from './alert-rule.ts';

/**
 * The enabled channels a rule sends to: by id, or every enabled channel of a kind (the seeded defaults).
 * Channels of other organizations never match, and a channel named twice is used once.
 */
export function resolveRuleChannels(
  refs: readonly AlertRuleChannelRef[],
  channels: readonly AlertChannel[],
  organizationId: number,
): AlertChannel[] {
  const chosen = new Map<number, AlertChannel>();
  for (const ref of refs) {
    for (const channel of channels) {
      if (!channel.enabled || channel.organizationId !== organizationId) continue;
      const matches =
        'channelId' in ref ? String(channel.id) === ref.channelId : channel.kind === ref.channelKind;
      if (matches) chosen.set(channel.id, channel);
    }
  }
  return [...chosen.values()].sort((a, b) => a.id - b.id);
}
