import type { ResolvedNotifierOptions } from '../notifier-options.ts';
import type { DeliveryFailure } from './http-failure.ts';
import { pinnedPost } from './pinned-post.ts';

export interface ProviderRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export type ProviderResponse =
  { ok: true; status: number; headers: Headers; text: string } | { ok: false; failure: DeliveryFailure };

function networkFailure(error: unknown, timeoutMs: number): DeliveryFailure {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return { ok: false, retryable: true, error: `timed out after ${timeoutMs} ms` };
  }
  // Never echo the URL: for Telegram and webhooks it contains the secret.
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  const code = (error as { code?: unknown } | null)?.code;
  const reason = cause?.code ?? (typeof code === 'string' ? code : name) ?? 'unknown';
  return { ok: false, retryable: true, error: `network error: ${reason}` };
}

/**
 * POSTs one request to a provider: SSRF check first, then the request with a timeout covering the whole
 * exchange, connected to the address the check approved (unless a custom fetch was given). Any status
 * comes back as a response; only unreachable or refused URLs become failures.
 */
export async function sendProviderRequest(
  request: ProviderRequest,
  options: ResolvedNotifierOptions,
): Promise<ProviderResponse> {
  const check = await options.urlGuard(request.url);
  if (!check.ok) {
    return {
      ok: false,
      failure: { ok: false, retryable: false, error: `blocked outgoing URL: ${check.reason}` },
    };
  }
  try {
    const signal = AbortSignal.timeout(options.timeoutMs);
    const address = check.addresses[0];
    const response =
      options.pinAddresses && address !== undefined
        ? await pinnedPost(request.url, { headers: request.headers, body: request.body, signal }, address)
        : await options.fetch(request.url, {
            method: 'POST',
            headers: request.headers,
            body: request.body,
            redirect: 'error',
            signal,
          });
    const text = await response.text();
    return { ok: true, status: response.status, headers: response.headers, text };
  } catch (error) {
    return { ok: false, failure: networkFailure(error, options.timeoutMs) };
  }
}
