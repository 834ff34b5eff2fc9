import type { ChannelKind, Notifier } from '@fixloop/core';
import { DiscordNotifier } from '../discord/discord-notifier.ts';
import { EmailNotifier } from '../email/email-notifier.ts';
import type { NotifierOptions } from '../notifier-options.ts';
import { PagerDutyNotifier } from '../pagerduty/pagerduty-notifier.ts';
import type { SecretBox } from '../security/secret-box.ts';
import { SlackNotifier } from '../slack/slack-notifier.ts';
import { TelegramNotifier } from '../telegram/telegram-notifier.ts';
import { WebhookNotifier } from '../webhook/webhook-notifier.ts';
import { channelConfigSchema, type ChannelConfig } from './channel-config-schemas.ts';
import { openChannelSecrets } from './channel-secrets.ts';

export type ConfigOf<K extends ChannelKind> = Extract<ChannelConfig, { kind: K }>;
export type NotifierFactory<K extends ChannelKind> = (
  config: ConfigOf<K>,
  options: NotifierOptions,
) => Notifier;

export type NotifierCreation =
  | { ok: true; notifier: Notifier; config: ChannelConfig }
  | { ok: false; error: string; issues: { path: string; message: string }[] };

type Factories = { [K in ChannelKind]?: NotifierFactory<K> };

/**
 * Channel kind → notifier factory. `create` takes a stored configuration (secrets possibly sealed), validates
 * it with the channel's zod schema and builds the notifier; invalid configurations are a result, not a throw.
 */
export class NotifierRegistry {
  private readonly factories: Factories = {};

  constructor(
    private readonly options: NotifierOptions = {},
    private readonly secrets?: SecretBox,
  ) {}

  register<K extends ChannelKind>(kind: K, factory: NotifierFactory<K>): this {
    (this.factories as Record<string, unknown>)[kind] = factory;
    return this;
  }

  kinds(): ChannelKind[] {
    return Object.keys(this.factories) as ChannelKind[];
  }

  create(rawConfig: unknown): NotifierCreation {
    const raw =
      typeof rawConfig === 'object' && rawConfig !== null ? (rawConfig as Record<string, unknown>) : {};
    let opened: Record<string, unknown>;
    try {
      opened = this.secrets ? openChannelSecrets(raw, this.secrets) : raw;
    } catch (error) {
      return { ok: false, error: (error as Error).message, issues: [] };
    }
    const parsed = channelConfigSchema.safeParse(opened);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return { ok: false, error: 'invalid channel configuration', issues };
    }
    const factory = this.factories[parsed.data.kind] as NotifierFactory<ChannelKind> | undefined;
    if (!factory) return { ok: false, error: `no notifier registered for ${parsed.data.kind}`, issues: [] };
    return {
      ok: true,
      notifier: factory(parsed.data as ConfigOf<ChannelKind>, this.options),
      config: parsed.data,
    };
  }
}

/** A registry with every built-in channel. */
export function createNotifierRegistry(options: NotifierOptions = {}, secrets?: SecretBox): NotifierRegistry {
  return new NotifierRegistry(options, secrets)
    .register('slack', (config, o) => new SlackNotifier(config, o))
    .register('telegram', (config, o) => new TelegramNotifier(config, o))
    .register('email', (config, o) => new EmailNotifier(config, o))
    .register('discord', (config, o) => new DiscordNotifier(config, o))
    .register('webhook', (config, o) => new WebhookNotifier(config, o))
    .register('pagerduty', (config, o) => new PagerDutyNotifier(config, o));
}
