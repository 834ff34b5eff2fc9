import type { Clock, Storage } from '@fixloop/core';
import type { NotifierOptions, RetryPolicy, SecretBox } from '@fixloop/notifiers';

/** What every alerting step needs; built once by `startAlerting`, tests build their own. */
export interface AlertingContext {
  storage: Storage;
  clock: Clock;
  log: (line: string) => void;
  /** The public dashboard URL, for deep links. */
  baseUrl(): string;
  /** Seals and opens channel secrets. */
  secretBox: SecretBox;
  /** A stable secret derived from the master key for one purpose (e.g. a channel's webhook path). */
  integrationSecret(purpose: string): string;
  /** Passed to every notifier (fetch, timeouts); the SSRF switch comes from the channel. */
  notifierOptions: Omit<NotifierOptions, 'allowPrivateNetworks' | 'urlGuard'>;
  /** In-job retries of one send attempt (short waits); longer waits become a rescheduled job. */
  retry: RetryPolicy;
  /** Send attempts across rescheduled jobs before a delivery is marked failed. */
  maxDeliveryAttempts: number;
}

export const DEFAULT_MAX_DELIVERY_ATTEMPTS = 6;
