/** Variables a test run may inherit from Fixloop's environment: tools need them, none of them is a secret. */
export const DEFAULT_PASSED_VARIABLES = [
  'PATH',
  'LANG',
  'LC_ALL',
  'TZ',
  'PYENV_ROOT',
  'PYENV_VERSION',
  'JAVA_HOME',
];

const FALLBACK_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Names that are never passed, even when configured: Fixloop's own settings and anything secret-shaped. */
const NEVER_PASSED =
  /^FIXLOOP_|TOKEN|SECRET|PASSWORD|PASSWD|_KEY$|^KEY|DATABASE_URL|DSN|CREDENTIAL|AUTH|COOKIE|SESSION/i;

export interface SandboxEnvironmentOptions {
  /** The environment to pick allowed variables from (the wiring passes `process.env`). */
  from: Readonly<Record<string, string | undefined>>;
  /** HOME until a run sets its own throwaway one (the verifier does, per verification). */
  home?: string;
  /** More variable names to pass through, from the project settings. */
  pass?: readonly string[];
}

/**
 * The environment every command runs with: an allow-list of harmless variables, a throwaway HOME, and
 * the settings that make test tools non-interactive and colourless. Nothing else of Fixloop's own
 * environment (database URLs, API keys, tokens) reaches the repository's code.
 */
export function sandboxEnvironment(options: SandboxEnvironmentOptions): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of [...DEFAULT_PASSED_VARIABLES, ...(options.pass ?? [])]) {
    const value = options.from[name];
    if (value !== undefined && !NEVER_PASSED.test(name)) env[name] = value;
  }
  return {
    ...env,
    PATH: env.PATH ?? FALLBACK_PATH,
    LANG: env.LANG ?? 'C.UTF-8',
    HOME: options.home ?? '/nonexistent',
    CI: 'true',
    NODE_ENV: 'test',
    TERM: 'dumb',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    PYTHONDONTWRITEBYTECODE: '1',
    PIP_DISABLE_PIP_VERSION_CHECK: '1',
  };
}
