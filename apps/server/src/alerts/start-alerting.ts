import { createHmac } from 'node:crypto';
import type { FixloopConfig } from '@fixloop/config';
import type { Clock, Storage } from '@fixloop/core';
import type { SecretBox } from '@fixloop/notifiers';
import type { AnyRouteSpec } from '../api/api-route.ts';
import type { JobHandlerRegistry } from '../worker/job-handlers.ts';
import { DEFAULT_MAX_DELIVERY_ATTEMPTS, type AlertingContext } from './alerting-context.ts';
import type { AlertDispatcher } from './alert-dispatcher.ts';
import { registerAlertJobs } from './register-alert-jobs.ts';
import { slackCommandRoutes } from './slack/slack-command-route.ts';
import { slackInteractiveRoutes } from './slack/slack-interactive-route.ts';
import { syncConfigAlerts } from './sync-config-alerts.ts';
import { TelegramPoller } from './telegram/telegram-poller.ts';
import { telegramWebhookRoutes } from './telegram/telegram-webhook-route.ts';

export interface Alerting {
  context: AlertingContext;
  dispatcher: AlertDispatcher;
  /** Slack interactivity and commands, the Telegram webhook (no API auth, verified by their own secrets). */
  integrationRoutes(): AnyRouteSpec[];
  start(): void;
  stop(): Promise<void>;
}

export interface AlertingDependencies {
  storage: Storage;
  clock: Clock;
  log: (line: string) => void;
  baseUrl(): string;
  handlers: JobHandlerRegistry;
  /** The master key (integration URLs derive from it) and the box that seals channel secrets with it. */
  masterKey: string;
  secretBox: SecretBox;
  /** Tests pass a fetch or shorter timeouts and retry waits. */
  overrides?: Partial<Pick<AlertingContext, 'notifierOptions' | 'retry' | 'maxDeliveryAttempts'>>;
}

/**
 * Wires alerting into a running Fixloop: the master key, the config file's channels and rules (and the
 * default rules of every project), the job handlers, the integration endpoints, and optional Telegram polling.
 */
export async function startAlerting(config: FixloopConfig, deps: AlertingDependencies): Promise<Alerting> {
  const context: AlertingContext = {
    storage: deps.storage,
    clock: deps.clock,
    log: deps.log,
    baseUrl: deps.baseUrl,
    secretBox: deps.secretBox,
    integrationSecret: (purpose) =>
      createHmac('sha256', deps.masterKey).update(purpose).digest('hex').slice(0, 40),
    notifierOptions: {},
    retry: { maxAttempts: 3, backoff: { initialMs: 1_000, maxMs: 10_000 } },
    maxDeliveryAttempts: DEFAULT_MAX_DELIVERY_ATTEMPTS,
    ...deps.overrides,
  };
  await syncConfigAlerts(deps.storage, config.organizations, context.secretBox, deps.clock.now());
  const dispatcher = registerAlertJobs(deps.handlers, context);
  const poller = config.telegramPolling ? new TelegramPoller(context) : null;
  return {
    context,
    dispatcher,
    integrationRoutes: () => [
      ...slackInteractiveRoutes(context),
      ...slackCommandRoutes(context),
      ...telegramWebhookRoutes(context),
    ],
    start: () => poller?.start(),
    stop: async () => poller?.stop(),
  };
}
