import { AppError } from '@fixloop/core';
import { credentialEnvironment } from './git-environment.ts';
import type { SecretRedactor } from './secret-redactor.ts';

/** Short-lived https tokens (GitHub App installation tokens): asked for before each remote command. */
export type TokenSource = () => Promise<string>;

/**
 * The credentials of the commands that talk to the remote. A fixed token (settings or URL password) always
 * wins; without one, a token source is asked before every command, so an expired token is replaced by a
 * fresh one, and each token it hands out is redacted from errors from then on. Only http(s) remotes get a
 * token: ssh authenticates with keys, local remotes need nothing.
 */
export class RemoteCredentials {
  private tokenSource: TokenSource | undefined;

  constructor(
    private readonly options: {
      overHttp: boolean;
      token: string | undefined;
      username: string;
      redactor: SecretRedactor;
      tokenSource?: TokenSource | undefined;
    },
  ) {
    this.useTokenSource(options.tokenSource);
  }

  /** Replaces the token source (e.g. after a project's GitHub App settings changed); undefined removes it. */
  useTokenSource(source: TokenSource | undefined): void {
    const { overHttp, token } = this.options;
    this.tokenSource = overHttp && !token ? source : undefined;
  }

  /** Extra environment for one remote command (empty without a token). */
  async env(): Promise<Record<string, string>> {
    const { overHttp, token, username, redactor } = this.options;
    const source = this.tokenSource;
    if (source === undefined) return credentialEnvironment(overHttp ? token : undefined, username);
    const fresh = await source().catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError('unavailable', `no access token for the repository: ${redactor.redact(reason)}`);
    });
    redactor.add(fresh, [username]);
    return credentialEnvironment(fresh, username);
  }
}
