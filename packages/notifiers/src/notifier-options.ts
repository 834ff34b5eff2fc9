import { systemClock, type Clock } from '@fixloop/core';
import { checkOutgoingUrl, type UrlCheckResult } from './security/check-outgoing-url.ts';

export type UrlGuard = (url: string) => Promise<UrlCheckResult>;

/** What every notifier takes besides its channel configuration. */
export interface NotifierOptions {
  /** Defaults to the global fetch; tests and proxies may pass their own. */
  fetch?: typeof fetch;
  /** Per request (connect + response). Default 10 s. */
  timeoutMs?: number;
  /** Allow outgoing URLs that resolve to private, loopback or link-local addresses. Off by default. */
  allowPrivateNetworks?: boolean;
  /** Replaces the SSRF check entirely (checkOutgoingUrl by default). */
  urlGuard?: UrlGuard;
  clock?: Clock;
}

export interface ResolvedNotifierOptions {
  fetch: typeof fetch;
  /** Connect to the address the URL guard approved instead of resolving again (no custom fetch given). */
  pinAddresses: boolean;
  timeoutMs: number;
  urlGuard: UrlGuard;
  clock: Clock;
}

export const DEFAULT_NOTIFIER_TIMEOUT_MS = 10_000;

export function resolveNotifierOptions(options: NotifierOptions = {}): ResolvedNotifierOptions {
  const allowPrivate = options.allowPrivateNetworks ?? false;
  return {
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    pinAddresses: options.fetch === undefined,
    timeoutMs: options.timeoutMs ?? DEFAULT_NOTIFIER_TIMEOUT_MS,
    urlGuard: options.urlGuard ?? ((url) => checkOutgoingUrl(url, { allowPrivate })),
    clock: options.clock ?? systemClock,
  };
}
