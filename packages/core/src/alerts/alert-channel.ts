import type { ChannelThrottlePolicy } from './alert-throttle.ts';
import type { ChannelKind } from './channel-kind.ts';

/** Where a channel or rule came from: the Web API, the config file (re-synced at boot) or seeded defaults. */
export type AlertConfigSource = 'api' | 'config' | 'default';

/**
 * A configured destination of an organization. `config` is what the channel kind's schema accepts, with
 * its secret fields sealed (SecretBox) before it is stored; it is never shown as is.
 */
export interface AlertChannel {
  id: number;
  organizationId: number;
  kind: ChannelKind;
  name: string;
  config: Record<string, unknown>;
  enabled: boolean;
  /** Quiet hours and the per-channel send-rate limit. */
  policy: ChannelThrottlePolicy;
  /** Outgoing URLs may resolve to private or loopback addresses (self-hosted chat). Owners only. */
  allowPrivateNetworks: boolean;
  /** Also receives Fixloop's own alerts (recurring jobs that keep failing). Superusers only. */
  systemAlerts: boolean;
  source: AlertConfigSource;
  createdAt: Date;
  updatedAt: Date;
}

export type NewAlertChannel = Omit<AlertChannel, 'id' | 'createdAt' | 'updatedAt'> & { at: Date };

/** `kind` and `source` change only when the config file takes over a channel of the same name. */
export type AlertChannelPatch = Partial<
  Pick<
    AlertChannel,
    'name' | 'kind' | 'source' | 'config' | 'enabled' | 'policy' | 'allowPrivateNetworks' | 'systemAlerts'
  >
> & { at: Date };
