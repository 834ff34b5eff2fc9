import { TelegramNotifier } from '@fixloop/notifiers';
import type { AlertingContext } from '../alerting-context.ts';
import { createChannelNotifier } from '../channel-notifier.ts';
import { handleTelegramUpdate } from './handle-telegram-update.ts';

// Below the notifiers' request timeout (10 s), so a long poll is never cut off as a failure.
const POLL_SECONDS = 5;
const IDLE_MS = 5_000;

/**
 * Long polling (getUpdates) for deployments without a public webhook URL: one loop for every enabled
 * Telegram channel, the offset kept in the shared state. Off by default (FIXLOOP_TELEGRAM_POLLING); run it on
 * ONE instance, Telegram refuses two pollers of one bot.
 */
export class TelegramPoller {
  private stopped = false;
  private running: Promise<void> | null = null;
  /** Ends the idle wait early, so stopping never waits out a pause. */
  private wake: (() => void) | null = null;

  constructor(private readonly context: AlertingContext) {}

  start(): void {
    this.running ??= this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
  }

  /** One round over all channels; returns how many updates were handled. */
  async pollOnce(timeoutSeconds = POLL_SECONDS): Promise<number> {
    let handled = 0;
    for (const channel of await this.context.storage.alerts.listChannels({
      kind: 'telegram',
      enabledOnly: true,
    })) {
      const created = createChannelNotifier(this.context, channel);
      if (!created.ok || !(created.notifier instanceof TelegramNotifier)) continue;
      const key = `cursor:telegram:${channel.id}`;
      const cursor = await this.context.storage.alerts.readState(key);
      const offset = Number((cursor?.value as { offset?: unknown } | undefined)?.offset ?? 0);
      const answer = await created.notifier.api.getUpdates(offset, timeoutSeconds);
      if (!answer.ok || !Array.isArray(answer.result)) continue;
      const updates = answer.result as { update_id?: unknown }[];
      const last = updates.reduce((max, u) => Math.max(max, Number(u.update_id ?? 0)), offset - 1);
      await this.context.storage.alerts.writeState(key, { offset: last + 1 }, cursor?.version ?? null);
      for (const update of updates) await handleTelegramUpdate(this.context, channel, update);
      handled += updates.length;
    }
    return handled;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const handled = await this.pollOnce().catch((error: unknown) => {
        this.context.log(`alerts: Telegram polling failed: ${(error as Error).message}`);
        return 0;
      });
      if (handled === 0 && !this.stopped) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, IDLE_MS);
          timer.unref();
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
      }
    }
  }
}
