import { sign } from 'node:crypto';
import type { AutofixGithubApp } from '@fixloop/core';

/** Refresh this long before GitHub's expiry, so a token never runs out in the middle of a sync. */
const REFRESH_MARGIN_MS = 5 * 60_000;

interface CachedToken {
  token: Promise<string>;
  expiresAt: number;
}

/**
 * GitHub App authentication: signs the App's RS256 JWT (node:crypto) and exchanges it for an installation
 * token (`POST /app/installations/{id}/access_tokens`), cached per API, App and installation until shortly
 * before it expires. One instance per process keeps the cache across the per-project clients.
 */
export class GithubAppTokens {
  private readonly cache = new Map<string, CachedToken>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly timeoutMs = 30_000,
  ) {}

  async installationToken(apiUrl: string, app: AutofixGithubApp): Promise<string> {
    const key = `${apiUrl}|${app.appId}|${app.installationId}`;
    const cached = this.cache.get(key);
    if (cached !== undefined && cached.expiresAt - REFRESH_MARGIN_MS > this.now()) return cached.token;
    const entry: CachedToken = { token: Promise.resolve(''), expiresAt: Infinity };
    entry.token = this.fetchToken(apiUrl, app).then(
      ({ token, expiresAt }) => {
        entry.expiresAt = expiresAt;
        return token;
      },
      (error: unknown) => {
        // A failure is not cached: the next request tries again.
        this.cache.delete(key);
        throw error;
      },
    );
    this.cache.set(key, entry);
    return entry.token;
  }

  private async fetchToken(
    apiUrl: string,
    app: AutofixGithubApp,
  ): Promise<{ token: string; expiresAt: number }> {
    const url = `${apiUrl.replace(/\/+$/, '')}/app/installations/${app.installationId}/access_tokens`;
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${this.appJwt(app)}`,
        'user-agent': 'fixloop-autofix',
        'x-github-api-version': '2022-11-28',
      },
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const body = (await response.json().catch(() => ({}))) as { token?: string; expires_at?: string; message?: string }; // prettier-ignore
    if (response.status !== 201 || typeof body.token !== 'string' || typeof body.expires_at !== 'string') {
      throw new Error(`GitHub App ${app.appId}: no installation token (HTTP ${response.status}: ${body.message ?? 'unexpected answer'})`); // prettier-ignore
    }
    return { token: body.token, expiresAt: Date.parse(body.expires_at) };
  }

  /** The App's JWT: issued a minute in the past against clock drift, valid for 9 of GitHub's 10 minutes. */
  private appJwt(app: AutofixGithubApp): string {
    const seconds = Math.floor(this.now() / 1000);
    const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
    const payload = base64url(JSON.stringify({ iat: seconds - 60, exp: seconds + 540, iss: String(app.appId) })); // prettier-ignore
    const signature = sign('sha256', Buffer.from(`${header}.${payload}`), app.privateKey);
    return `${header}.${payload}.${signature.toString('base64url')}`;
  }
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}
