import { AlertThrottle, emptyThrottleState } from '@fixloop/core';
import type {
  AlertStore,
  Clock,
  DueDigest,
  ThrottleDecision,
  ThrottleRequest,
  ThrottleState,
} from '@fixloop/core';

const MAX_RACES = 20;

/**
 * AlertThrottle with its state in the database, one row per channel, updated with compare-and-set: when
 * several instances decide for the same channel at once, the loser re-reads and decides again, so dedup,
 * bursts and the rate limit count every alert exactly once.
 */
export class ChannelThrottleGate {
  constructor(
    private readonly store: AlertStore,
    private readonly clock: Clock,
  ) {}

  decide(request: ThrottleRequest): Promise<ThrottleDecision> {
    return this.update(request.channelId, (throttle) => throttle.decide(request));
  }

  /** Digests of the channel whose time has come; removed from the state as they are returned. */
  dueDigests(channelId: string): Promise<DueDigest[]> {
    // Nothing due is the common case every minute: no write then (pruning can wait for the next send).
    return this.update(
      channelId,
      (throttle) => throttle.dueDigests(),
      (due) => due.length > 0,
    );
  }

  private async update<T>(
    channelId: string,
    step: (throttle: AlertThrottle) => T,
    shouldWrite: (result: T) => boolean = () => true,
  ): Promise<T> {
    const key = `throttle:${channelId}`;
    for (let race = 0; race < MAX_RACES; race++) {
      const stored = await this.store.readState(key);
      const throttle = new AlertThrottle(
        this.clock,
        (stored?.value as ThrottleState | undefined) ?? emptyThrottleState(),
      );
      const result = step(throttle);
      if (!shouldWrite(result)) return result;
      if (await this.store.writeState(key, throttle.snapshot(), stored?.version ?? null)) return result;
    }
    throw new Error(`throttle state of channel ${channelId} is contended`);
  }
}
