import { withoutCredentials } from './remote-url.ts';

const REDACTED = '[redacted]';

/**
 * Removes secrets from text that may reach logs or error messages: each secret verbatim, URL-encoded and
 * as the base64 of an HTTP Basic `user:secret` pair, plus any credentials embedded in URLs.
 */
export class SecretRedactor {
  private needles: string[] = [];

  constructor(secrets: readonly string[], basicUsernames: readonly string[] = []) {
    for (const secret of secrets) this.add(secret, basicUsernames);
  }

  /** Also redacts a secret learnt later (a refreshed access token). */
  add(secret: string, basicUsernames: readonly string[] = []): void {
    if (secret.length < 4) return;
    const needles = new Set(this.needles);
    needles.add(secret);
    needles.add(encodeURIComponent(secret));
    for (const user of basicUsernames) needles.add(Buffer.from(`${user}:${secret}`).toString('base64'));
    this.needles = [...needles].sort((a, b) => b.length - a.length);
  }

  redact(text: string): string {
    let out = text.replace(/[a-z][a-z0-9+.-]*:\/\/[^\s'"]+/gi, (url) => withoutCredentials(url));
    for (const needle of this.needles) out = out.split(needle).join(REDACTED);
    return out;
  }
}
